/** The HTTP application: middleware, the routes of every resource, OpenAPI and its docs page, the web app. */

import { OpenAPIHono } from '@hono/zod-openapi';
import { DomainFailure } from '@pintu/core';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { NotSignedIn } from '../app/institutions/access';
import { calendarStatus } from '../app/reference/calendar-source';
import { isTransientConflict } from '../db/retry';
import { accountRoutes } from './accounts/accounts.routes';
import { attachmentRoutes } from './attachments/attachments.routes';
import { auditRoutes } from './audit/audit.routes';
import { apiKeyMiddleware } from './auth/api-key';
import { csrfMiddleware } from './auth/csrf';
import { authRoutes } from './auth/handler';
import { passwordChangeGate } from './auth/password-gate';
import { sessionMiddleware } from './auth/session';
import { backupRoutes } from './backup/backup.routes';
import { citizenRoutes } from './citizen/citizen.routes';
import type { AppEnv, Deps } from './context';
import { contentSecurityPolicy } from './csp';
import { docsRoutes } from './docs';
import { federationRoutes } from './federation/federation.routes';
import { federationMessageRoutes } from './federation/messages.routes';
import { holidayAdminRoutes } from './holidays/holidays.routes';
import { type IdempotencyOptions, idempotencyMiddleware } from './idempotency';
import { inboxRoutes } from './inbox/inbox.routes';
import { institutionAdminRoutes } from './institutions/institutions.routes';
import { integrationAppRoutes } from './integration/apps.routes';
import { integrationReportRoutes } from './integration/reports.routes';
import { moderationRoutes } from './moderation/moderation.routes';
import { notificationRoutes } from './notifications/notifications.routes';
import { openDataRoutes } from './open-data/open-data.routes';
import { open311Routes } from './open311/open311.routes';
import { domainProblem, ProblemError, problem, zodFieldErrors } from './problem';
import { programRoutes } from './programs/programs.routes';
import { referenceRoutes } from './reference/reference.routes';
import { reportRoutes } from './reports/reports.routes';
import { similarRoutes } from './similar/similar.routes';
import { smsRoutes } from './sms/sms.routes';
import { statsRoutes } from './stats/stats.routes';
import { webhookRoutes } from './webhooks/webhooks.routes';
import { workflowRoutes } from './workflow/workflow.routes';

/** Builds the app around its dependencies; tests call `app.request()` on it directly. */
export function createApp(deps: Deps, opts: { idempotency?: IdempotencyOptions } = {}) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = result.target === 'json' || result.target === 'form' ? '' : result.target;
        const err = new ProblemError(
          'VALIDATION',
          'Periksa kembali isian yang ditandai.',
          zodFieldErrors(result.error, where),
        );
        return problem(c, err);
      }
    },
  });

  const sameOrigin = secureHeaders({ crossOriginResourcePolicy: 'same-origin' });
  // Open data is meant for other sites (docs/open-data.md): its reads may be embedded and fetched cross-origin.
  const crossOrigin = secureHeaders({ crossOriginResourcePolicy: 'cross-origin' });
  app.use('*', (c, next) =>
    (/^\/(api\/v1\/)?open-data(\/|$)/.test(c.req.path) ? crossOrigin : sameOrigin)(c, next),
  );
  app.use('*', contentSecurityPolicy());
  const depsWithNow = { ...deps, now: new Date(0) };
  app.use('/api/*', async (c, next) => {
    // One variable for the dependencies and the request's clock reading, read with `c.get`: hono's `c.var` copies
    // every variable into a new object on each read (a variable per dependency cost every request tens of µs).
    const now = deps.clock();
    // Spread over an object that already has `now`: V8 clones that shape in one step, where adding a property after
    // a spread costs about a microsecond per property (bench/README.md).
    c.set('deps', { ...depsWithNow, now });
    c.set('now', now);
    c.set('caller', null); // the session middleware (auth/) replaces this for signed-in callers
    await next();
  });
  // An API key is resolved first: a key caller then skips CSRF and the session cookie altogether (ADR 0012).
  app.use('/api/*', apiKeyMiddleware(), csrfMiddleware(), sessionMiddleware(), passwordChangeGate());
  // After the caller is known (a key is scoped to its caller); every POST but better-auth's own.
  app.use('/api/*', idempotencyMiddleware(opts.idempotency));

  // The calendar says when a year's decree is missing, so operators and monitors see it (issue 10).
  app.get('/api/health', (c) =>
    c.json({ ok: true, calendar: calendarStatus(c.get('deps').calendar, c.get('now')) }),
  );
  authRoutes(app);
  auditRoutes(app);
  backupRoutes(app);
  accountRoutes(app);
  citizenRoutes(app);
  referenceRoutes(app);
  reportRoutes(app);
  workflowRoutes(app);
  attachmentRoutes(app);
  institutionAdminRoutes(app);
  inboxRoutes(app);
  notificationRoutes(app);
  holidayAdminRoutes(app);
  statsRoutes(app);
  programRoutes(app); // program channels (issue 15, docs/programs.md)
  similarRoutes(app);
  moderationRoutes(app); // spam and abuse flags for the national admin (docs/abuse.md)
  webhookRoutes(app);
  integrationAppRoutes(app);
  integrationReportRoutes(app);
  open311Routes(app, deps); // GeoReport v2 at /open311/v2 (docs/open311.md), outside the /api middleware
  openDataRoutes(app, deps); // open data (docs/open-data.md): /api/v1/open-data/* and the files at /open-data/*
  smsRoutes(app); // the SMS gateway's webhook (docs/sms.md)
  federationRoutes(app);
  federationMessageRoutes(app);
  docsRoutes(app);

  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? problem(c, new ProblemError('NOT_FOUND', `Tidak ada sumber daya di ${c.req.path}.`))
      : c.text('Not found', 404),
  );
  app.onError((err, c) => {
    if (err instanceof ProblemError) {
      const res = problem(c, err);
      if (err.reason === 'api_key_required') res.headers.set('www-authenticate', 'Bearer realm="pintu"');
      return res;
    }
    if (err instanceof DomainFailure) return problem(c, domainProblem(err.error));
    if (err instanceof NotSignedIn) return problem(c, new ProblemError('UNAUTHENTICATED', err.message));
    if (err instanceof HTTPException && err.status < 500) {
      const malformed = /malformed|json/i.test(err.message);
      return problem(
        c,
        new ProblemError(
          malformed ? 'MALFORMED' : 'VALIDATION',
          malformed ? 'Isi permintaan bukan JSON yang valid.' : err.message,
          [{ field: 'body', code: malformed ? 'malformed_json' : 'invalid', message: err.message }],
        ),
      );
    }
    // A body that claims to be a form (or JSON) and is not one: the sender's mistake, never the server's.
    if (err instanceof TypeError && /parse body|body is unusable/i.test(err.message))
      return problem(
        c,
        new ProblemError('MALFORMED', 'Isi permintaan tidak dapat dibaca.', [
          { field: 'body', code: 'malformed_body', message: err.message },
        ]),
      );
    // A transaction aborted only because another ran at the same time: the request may simply be sent again.
    if (isTransientConflict(err))
      return problem(c, new ProblemError('CONFLICT', 'Data sedang diubah bersamaan. Silakan coba lagi.'));
    console.error(`[${c.req.method} ${c.req.path}]`, err);
    return problem(c, new ProblemError('INTERNAL', 'Terjadi kesalahan pada server. Silakan coba lagi.'));
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
