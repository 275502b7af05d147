/**
 * Open311 GeoReport v2 at `/open311/v2` (issue 14, docs/open311.md): discovery, services, service definitions,
 * requests (list, one, POST) and tokens, each as `.xml` or `.json`. Reads are public and never show a confidential
 * report or a reporter; a filing needs an integration API key sent as `api_key` and goes through the same intake
 * as every channel.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { KeyRateLimiter } from '../../app/integration/authenticate-key';
import { fileOpen311Request } from '../../app/open311/file-request';
import {
  findRequest,
  findService,
  listRequests,
  listServices,
  requestOfToken,
} from '../../app/open311/read-requests';
import { clientIp } from '../auth/client-ip';
import type { AppEnv, Deps } from '../context';
import { registerOpen311Docs } from './open311.docs';
import {
  presentCreated,
  presentDefinition,
  presentDiscovery,
  presentRequests,
  presentServices,
  presentToken,
} from './open311.presenter';
import { filingOf, readFilter } from './open311.schema';
import {
  answer,
  appOfKey,
  checkJurisdiction,
  failure,
  formatOfPath,
  jurisdictionOf,
  open311Error,
  splitFormat,
} from './open311-answer';
import type { Format } from './open311-document';

export const OPEN311_BASE = '/open311/v2';
// A filing is at most 4,000 characters of description plus short fields: 64 KB is far beyond any real one.
const MAX_FORM_BYTES = 64 * 1024;
const PUBLIC_CACHE = { 'cache-control': 'public, max-age=300' };

type Handler = (c: Context<AppEnv>, format: Format, name: string) => Promise<Response>;

/** Registers the Open311 endpoint; `deps` as createApp has them (its /api middleware does not run here). */
export function open311Routes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const limiter = new KeyRateLimiter();
  const touched = new Map<string, number>();
  const baseUrl = () => (deps.instance?.baseUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  const ours = () => jurisdictionOf(baseUrl());

  app.use('/open311/*', async (c, next) => {
    const now = deps.clock();
    c.set('deps', Object.assign({}, deps, { now }));
    c.set('now', now);
    c.set('caller', null);
    await next();
    // Any client may read and file from a browser (CORS): nothing here rides on cookies, the api_key is explicit.
    c.header('access-control-allow-origin', '*');
  });
  app.options('/open311/*', (c) =>
    c.body(null, 204, {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '86400',
    }),
  );

  /** Runs a handler for `file` (name.format), checking the format and the jurisdiction first. */
  const run = async (c: Context<AppEnv>, file: string, handler: Handler, jurisdiction?: string) => {
    let format = formatOfPath(file);
    try {
      const split = splitFormat(file);
      format = split.format;
      checkJurisdiction(jurisdiction ?? c.req.query('jurisdiction_id'), ours());
      return await handler(c, format, split.name);
    } catch (err) {
      return failure(c, format, err);
    }
  };
  const notFound = (c: Context<AppEnv>) =>
    failure(
      c,
      formatOfPath(c.req.path),
      open311Error(
        404,
        `Tidak ada sumber daya di ${c.req.path.replace(/\.(xml|json)$/, '')}. / No such resource.`,
      ),
    );

  const top: Record<string, Handler> = {
    discovery: async (c, format) =>
      answer(
        c,
        format,
        'discovery',
        presentDiscovery(baseUrl(), c.get('deps').instance?.name ?? 'Pintu'),
        200,
        PUBLIC_CACHE,
      ),
    services: async (c, format) =>
      answer(c, format, 'services', presentServices(await listServices(c.get('deps'))), 200, PUBLIC_CACHE),
    requests: async (c, format) => {
      const rows = await listRequests(c.get('deps'), readFilter(c.req.queries()));
      return answer(c, format, 'service_requests', presentRequests(rows, baseUrl()));
    },
  };
  app.get(`${OPEN311_BASE}/:file`, (c) => {
    const file = c.req.param('file');
    const name = nameOf(file);
    const handler = Object.hasOwn(top, name) ? top[name] : undefined;
    return handler ? run(c, file, handler) : notFound(c);
  });
  app.get(`${OPEN311_BASE}/services/:file`, (c) =>
    run(c, c.req.param('file'), async (c, format, code) =>
      answer(
        c,
        format,
        'service_definition',
        presentDefinition(await findService(c.get('deps'), code)),
        200,
        PUBLIC_CACHE,
      ),
    ),
  );
  app.get(`${OPEN311_BASE}/requests/:file`, (c) =>
    run(c, c.req.param('file'), async (c, format, id) =>
      answer(
        c,
        format,
        'service_requests',
        presentRequests([await findRequest(c.get('deps'), id)], baseUrl()),
      ),
    ),
  );
  app.get(`${OPEN311_BASE}/tokens/:file`, (c) =>
    run(c, c.req.param('file'), async (c, format, token) =>
      answer(c, format, 'service_requests', presentToken(await requestOfToken(c.get('deps'), token), token)),
    ),
  );

  app.post(
    `${OPEN311_BASE}/:file`,
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: (c) =>
        failure(
          c,
          formatOfPath(c.req.path),
          open311Error(413, `Isi permintaan melebihi 64 KB. / Body over 64 KB.`),
        ),
    }),
    async (c) => {
      const file = c.req.param('file');
      if (nameOf(file) !== 'requests') return notFound(c);
      const type = c.req.header('content-type') ?? '';
      let form: Record<string, unknown> = {};
      try {
        if (/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type))
          form = await c.req.parseBody({ all: true });
      } catch {
        return failure(
          c,
          formatOfPath(file),
          open311Error(400, 'Form tidak dapat dibaca. / Malformed form body.'),
        );
      }
      const field = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : c.req.query(k));
      return run(
        c,
        file,
        async (c, format) => {
          if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type))
            throw open311Error(
              400,
              'Kirim sebagai application/x-www-form-urlencoded. / Send the request as application/x-www-form-urlencoded.',
            );
          const app = await appOfKey(c, field('api_key'), limiter, touched);
          const deps = c.get('deps');
          const address = clientIp(c, deps.auth.trustProxy);
          const filed = await fileOpen311Request(deps, app, filingOf(withoutKeys(form)), address);
          // The access code is in the answer: no cache may keep it.
          return answer(c, format, 'service_requests', presentCreated(filed), 200, {
            'cache-control': 'no-store',
          });
        },
        field('jurisdiction_id'),
      );
    },
  );
  app.all('/open311/*', notFound);
  registerOpen311Docs(app);
}

/** `requests.json` → `requests`; a name without an extension is itself (and then answered as a bad format). */
const nameOf = (file: string) => (file.includes('.') ? file.slice(0, file.lastIndexOf('.')) : file);

/** The form without the arguments read apart (the key is never passed on). */
function withoutKeys(form: Record<string, unknown>): Record<string, unknown> {
  const { api_key: _key, jurisdiction_id: _jurisdiction, ...rest } = form;
  return rest;
}
