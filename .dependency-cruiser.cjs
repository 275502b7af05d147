/** Layer rules of ARCHITECTURE.md: core is pure; server and web build on core; web features stay apart. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core imports nothing of ours and no I/O modules',
      severity: 'error',
      // The reference data's build scripts (reference/**/*.mjs) are tools beside their data, not the domain.
      from: { path: '^packages/core/', pathNot: '^packages/core/reference/.+.mjs$' },
      to: {
        path: [
          '^packages/(server|web)/',
          '^(node:)?(fs|net|http|https|child_process|pg)$',
          'node_modules/(pg|drizzle-orm|hono)/',
        ],
      },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      from: { path: '^packages/server/' },
      to: { path: '^packages/web/' },
    },
    {
      name: 'web-not-server',
      comment: 'the web app talks to the server over HTTP only',
      severity: 'error',
      from: { path: '^packages/web/' },
      to: { path: '^packages/server/' },
    },
    {
      name: 'web-features-apart',
      comment: 'a web feature does not import another feature',
      severity: 'error',
      from: { path: '^packages/web/src/features/([^/]+)/' },
      to: { path: '^packages/web/src/features/([^/]+)/', pathNot: '^packages/web/src/features/$1/' },
    },
    {
      name: 'app-not-http',
      comment: 'use cases (server/src/app) stand on their own: no HTTP layer, no hono, no zod (ADR 0011)',
      severity: 'error',
      from: { path: '^packages/server/src/app/' },
      to: { path: ['^packages/server/src/http/', 'node_modules/(hono|@hono/[^/]+|zod)/'] },
    },
    {
      name: 'http-only-from-http',
      comment: 'only main.ts wires the HTTP layer; nothing else in the server imports it (ADR 0011)',
      severity: 'error',
      from: { path: '^packages/server/src/', pathNot: '^packages/server/src/(http/|main\\.ts$)' },
      to: { path: '^packages/server/src/http/' },
    },
    {
      name: 'sql-only-in-db',
      comment: 'all SQL lives in server/src/db: only db imports drizzle and the database drivers (ADR 0011)',
      severity: 'error',
      from: { path: '^packages/server/src/', pathNot: '^packages/server/src/db/' },
      to: { path: 'node_modules/(drizzle-orm|drizzle-kit|pg|@electric-sql/pglite)/' },
    },
    {
      name: 'db-not-app',
      comment: 'the storage adapters implement core ports; they never call use cases or HTTP (ADR 0011)',
      severity: 'error',
      from: { path: '^packages/server/src/db/' },
      to: { path: '^packages/server/src/(app|http)/' },
    },
    {
      name: 'web-api-types-type-only',
      comment: 'the web takes only types from @pintu/api-types (import type): they vanish from the bundle',
      severity: 'error',
      from: { path: '^packages/web/' },
      to: { path: '^packages/api-types/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-types-standalone',
      comment: 'generated types only: nothing of ours at runtime; its generator builds the app',
      severity: 'error',
      from: { path: '^packages/api-types/', pathNot: '^packages/api-types/scripts/generate\\.ts$' },
      to: { path: '^packages/(core|server|web)/', dependencyTypesNot: ['type-only'] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['dist'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'] },
  },
};
