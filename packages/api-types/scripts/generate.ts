/**
 * Writes src/openapi.ts, the TypeScript types of the server's OpenAPI document (`/api/openapi.json`), with
 * openapi-typescript; `--check` only compares and fails when the committed file is not what the server emits now.
 *
 * The document is asked of the app in-process (`app.request`), exactly as a client would get it, without a
 * database or a listening socket: no route handler runs, only the /api middleware.
 *
 *   node --import tsx packages/api-types/scripts/generate.ts [--check]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { createApp } from '../../server/src/http/app';
import type { Deps } from '../../server/src/http/context';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const target = join(root, 'packages/api-types/src/openapi.ts');
const shown = relative(root, target);

const HEADER = `/**
 * Generated from the server's OpenAPI document (/api/openapi.json) by packages/api-types/scripts/generate.ts.
 * Do not edit: change the server's schemas, then run \`npm run api-types\`.
 */
`;

/** The server's OpenAPI document, as GET /api/openapi.json answers it. */
async function serverDocument(): Promise<OpenAPI3> {
  // The /api middleware copies the dependencies into the context and reads only the clock and, to find a session
  // cookie (there is none here), auth's cookie name and secret; the document route itself reads none.
  const deps = { clock: () => new Date(0), auth: { cookies: { session: 'none' }, secret: '' } };
  const app = createApp(deps as unknown as Deps);
  const res = await app.request('/api/openapi.json');
  if (!res.ok) throw new Error(`GET /api/openapi.json answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as OpenAPI3;
}

/** The project's formatting (biome), so that the file passes `biome check` as written. */
function format(source: string): string {
  const biome = join(root, 'node_modules/.bin/biome');
  const out = spawnSync(biome, ['format', `--stdin-file-path=${shown}`], { cwd: root, input: source });
  if (out.status !== 0) throw new Error(`biome format failed: ${out.stderr.toString()}`);
  return out.stdout.toString();
}

async function generate(): Promise<string> {
  // A field with a default is optional to send (the server fills it in): keep it optional in the types.
  const ast = await openapiTS(await serverDocument(), { silent: true, defaultNonNullable: false });
  return format(HEADER + astToString(ast));
}

const check = process.argv.includes('--check');
const fresh = await generate();
if (!check) {
  writeFileSync(target, fresh);
  console.log(`api-types: wrote ${shown}`);
} else {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing: reported below like any difference
  }
  if (committed !== fresh) {
    const a = committed.split('\n');
    const b = fresh.split('\n');
    let line = 0;
    while (line < a.length && a[line] === b[line]) line++;
    console.error(
      `api-types: ${shown} differs from what the server's OpenAPI document gives now ` +
        `(first at line ${line + 1}:\n  committed: ${a[line] ?? '<end of file>'}\n  server:    ${b[line] ?? '<end of file>'}).\n` +
        'The API changed, or the file was edited by hand: run `npm run api-types` and commit the result.',
    );
    process.exit(1);
  }
  console.log(`api-types: ${shown} matches the server's OpenAPI document`);
}
