/**
 * Intake: POST /api/v1/reports with the varied bodies of bench/intake.ts, against a plain one-filing-per-transaction
 * insert of the same rows (the report, its first event, its stage clock) into empty copies of the tables.
 */
import { randomBytes } from 'node:crypto';
import { busyNote, meter, ms, type PathsContext, per, type Row, times, withCpu } from './paths-common';
import { httpLoad, sqlLoad } from './paths-load';
import { dropRaw, makeRaw, withClient } from './paths-raw';
import { fetchReference, reportBodies } from './report-bodies';

const INTAKE_OF_RAW = 0.85;

interface Filing {
  type: string;
  title: string;
  body: string;
  incidentDate: string;
  location: { regionCode: string; address?: string; lat?: number; lng?: number };
  categoryId: number;
  institutionId?: number;
  isAnonymous: boolean;
  isConfidential: boolean;
  language: string;
  reporter?: unknown;
}

export async function intakePath(ctx: PathsContext): Promise<Row[]> {
  const { g } = ctx;
  const ref = await fetchReference(ctx.server.url);
  const nextBody = reportBodies(ref, 17);
  const next = () => ({
    method: 'POST' as const,
    path: '/api/v1/reports',
    headers: { 'content-type': 'application/json' },
    body: nextBody(),
  });
  await httpLoad({ url: ctx.server.url, connections: ctx.connections, seconds: ctx.warmup, next });
  const { value: pintu, cpu } = await withCpu(ctx, () =>
    httpLoad({ url: ctx.server.url, connections: ctx.connections, seconds: ctx.seconds, next }),
  );
  const submitted = await withClient(g.databaseUrl, async (c) =>
    JSON.stringify(
      (await c.query(`select lifecycle from reports where status = 'submitted' limit 1`)).rows[0].lifecycle,
    ),
  );
  const rawBodies = reportBodies(ref, 17);
  const insert = `with r as (insert into bench_raw_reports (tracking_id, type, title, body, incident_date, region_code,
      address, lat, lng, category_id, requested_institution_id, institution_id, status, due_at, lifecycle,
      is_anonymous, is_confidential, channel, language, reporter_sealed, access_code_hash, created_at, updated_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, 'submitted', now() + interval '3 days', $12::jsonb,
      $13, $14, 'web', $15, $16, $17, now(), now()) returning id),
    e as (insert into bench_raw_events (report_id, seq, action, actor_role, at, to_status, payload, hash)
      select id, 1, 'submitted', 'guest', now(), 'submitted', '{"channel":"web","queue":"national"}', $17 from r)
    insert into bench_raw_clocks (report_id, stage, time_zone, started_at, working_days, anchor_at, anchor_days,
      due_at, next_at)
    select id, 'verify', 'Asia/Jakarta', now(), 3, now(), 3, now() + interval '3 days', now() + interval '2 days' from r`;
  await makeRaw(g.databaseUrl);
  try {
    const raw = await sqlLoad({
      url: g.databaseUrl,
      connections: ctx.connections,
      seconds: ctx.seconds,
      next: () => {
        const b = JSON.parse(rawBodies()) as Filing;
        const sealed = b.reporter ? randomBytes(96).toString('base64url') : null;
        return [
          [
            {
              text: insert,
              values: [
                `LPR-${randomBytes(6).toString('hex').toUpperCase()}`,
                b.type,
                b.title,
                b.body,
                b.incidentDate,
                b.location.regionCode,
                b.location.address ?? null,
                b.location.lat ?? null,
                b.location.lng ?? null,
                b.categoryId,
                b.institutionId ?? null,
                submitted,
                b.isAnonymous,
                b.isConfidential,
                b.language,
                sealed,
                randomBytes(32).toString('hex'),
              ],
            },
          ],
        ];
      },
      meter: meter(ctx),
    });
    const ratio = pintu.rate / raw.rate;
    return [
      {
        path: `POST /api/v1/reports, ${ctx.connections} conn`,
        pintu: `${per(pintu.rate)}, p99 ${ms(pintu.p99)}`,
        budget: `≥ ${INTAKE_OF_RAW}× raw`,
        raw: `${per(raw.rate)}, p99 ${ms(raw.p99)} (1 statement per filing)`,
        ratio: times(ratio),
        pass: ratio >= INTAKE_OF_RAW && !pintu.failures,
        cpu,
        notes: [
          ...(pintu.failures ? [`${pintu.failures} non-2xx/errors: ${pintu.sample}`] : []),
          'raw: the report, its first event and its stage clock (Pintu also writes the receipt outbox and filing marks)',
          ...busyNote('during the raw run', raw.cpu),
        ],
      },
    ];
  } finally {
    await dropRaw(g.databaseUrl);
  }
}
