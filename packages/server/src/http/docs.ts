/** The OpenAPI document and a docs page served from the bundled swagger-ui-dist (no CDN needed offline). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context';

const require = createRequire(import.meta.url);
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'text/javascript',
};

const PAGE = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pintu API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="docs"></div><script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });`;

/** Registers `/api/openapi.json` and `/api/docs`. */
export function docsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pintu API',
      version: '0.1.0',
      description:
        'Open API of Pintu, the public-service complaints and aspirations system (SP4N-LAPOR! model).',
    },
  });
  app.get('/api/docs', (c) => c.html(PAGE));
  app.get('/api/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript' }));
  app.get('/api/docs/:asset', async (c) => {
    const asset = c.req.param('asset');
    // Own keys only: `__proto__` or `constructor` must not pass for an asset (the route fuzzer found this).
    const type = Object.hasOwn(ASSETS, asset) ? ASSETS[asset] : undefined;
    if (!type) return c.notFound();
    return c.body(await readFile(join(swaggerDir, asset)), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    });
  });
}
