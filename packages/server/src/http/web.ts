/** Serves the built web app (packages/web/dist) for every non-API path, with index.html as the SPA fallback. */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context';

const distDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Mounts the static web app on `app`; a clear message when it has not been built. */
export function serveWeb(app: OpenAPIHono<AppEnv>): void {
  if (!existsSync(distDir)) {
    app.get('*', (c) =>
      c.text('The web app is not built: run `npm run build:web` (npm start does it).', 503),
    );
    return;
  }
  const root = relative(process.cwd(), distDir);
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.use('*', serveStatic({ root }));
  app.get('*', serveStatic({ root, path: 'index.html' }));
}
