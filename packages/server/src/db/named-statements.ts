/**
 * Whether prepared.ts names its statements (the default). Off behind a pooler in transaction mode (PgBouncer 1.18,
 * Debian's: `DATABASE_POOLER=transaction`, openDatabase's `pooler`): there consecutive statements of one client may
 * run on different server connections, where a name prepared on one is unknown on the other. Unnamed, each is parsed
 * and planned per call. Its own module, so that open.ts and prepared.ts need not import each other.
 */
let named = true;

export function useNamedStatements(on: boolean) {
  named = on;
}

export const namedStatements = () => named;
