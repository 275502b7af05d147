/**
 * The intake statements: the reference check, and the report with its first event, stage clock, outbox rows, the
 * filing app's webhook deliveries and the answer to its Idempotency-Key.
 * The projections' values come from core (intake-projections.ts); the SQL only places them.
 */
import type { NewReportRow } from '@pintu/core';
import { GATE_COLUMNS, gateCall, gatePasses, marks } from './intake-gate';
import {
  type IntakeProjections,
  type IntakeValues,
  intakeProjections,
  REPORT_SLOT,
} from './intake-projections';
import { prepared, type Runner } from './prepared';

const INSTITUTION_JSON = `json_build_object('id', id, 'name', name, 'timeZone', time_zone,
  'regionCode', region_code, 'active', active, 'path', path)`;

export const CHECK_REFERENCES = prepared<'regionCode' | 'categoryId' | 'institutionId' | 'attachmentIds'>(
  'pintu_check_references',
  (p) => `
    select
      exists(select 1 from regions where code = ${p('regionCode')}) as "regionExists",
      exists(select 1 from categories where id = ${p('categoryId')}) as "categoryExists",
      (select ${INSTITUTION_JSON} from institutions where id = ${p('institutionId')}::int) as institution,
      coalesce((select json_agg(id) from attachments
         where id = any(${p('attachmentIds')}::uuid[]) and report_id is null
           and not exists (select 1 from institution_sk s where s.attachment_id = attachments.id)), '[]'::json)
         as "freeAttachmentIds"`,
);

/** The report row intake writes: the Reports port's `NewReportRow` (core/src/ports/reports.ts). */
export type NewReport = NewReportRow;

export type InsertKey =
  | keyof NewReport
  | 'action'
  | 'actorId'
  | 'actorRole'
  | 'eventInstitutionId'
  | 'at'
  | 'fromStatus'
  | 'toStatus'
  | 'payload'
  | 'hash'
  | 'attachmentIds';

const REPORT_COLUMNS = `tracking_id, type, title, body, incident_date, region_code, address, lat, lng, category_id,
  requested_institution_id, institution_id, status, due_at, lifecycle, is_anonymous, is_confidential, channel,
  language, reporter_account_id, reporter_sealed, access_code_hash, integration_app_id, external_ref, created_at,
  updated_at`;
const EVENT_COLUMNS = `report_id, seq, action, actor_id, actor_role, institution_id, at, from_status, to_status,
  payload, prev_hash, hash`;
const reportValues = (p: (key: InsertKey) => string) => `${p('trackingId')}, ${p('type')}, ${p('title')},
  ${p('body')}, ${p('incidentDate')}, ${p('regionCode')}, ${p('address')}, ${p('lat')}, ${p('lng')},
  ${p('categoryId')}, ${p('requestedInstitutionId')}, ${p('institutionId')}, ${p('status')}, ${p('dueAt')},
  ${p('lifecycle')}::jsonb, ${p('isAnonymous')}, ${p('isConfidential')}, ${p('channel')}, ${p('language')},
  ${p('reporterAccountId')}, ${p('reporterSealed')}, ${p('accessCodeHash')}, ${p('integrationAppId')},
  ${p('externalRef')}, ${p('createdAt')}, ${p('createdAt')}`;
// The report's first stage clock (issue 4): core's row (`stageClock`, null without a clock), for the inserted report.
const stageClock = (clock: string, from = 'r') => `s as (
      insert into sla_stage_clocks (report_id, stage, holder_institution_id, time_zone, region_code, started_at,
        working_days, anchor_at, anchor_days, due_at, paused_at, remaining_days, escalation_level, next_at)
      select r.id, c->>'stage', (c->>'holderInstitutionId')::int, c->>'timeZone', c->>'regionCode',
        (c->>'startedAt')::timestamptz, (c->>'workingDays')::int, (c->>'anchorAt')::timestamptz,
        (c->>'anchorDays')::int, (c->>'dueAt')::timestamptz, (c->>'pausedAt')::timestamptz,
        (c->>'remainingDays')::int, (c->>'escalationLevel')::int, (c->>'nextAt')::timestamptz
      from ${from} cross join lateral (select ${clock}::jsonb as c) k where jsonb_typeof(c) = 'object'
    )`;
const eventValues = (
  p: (key: InsertKey) => string,
) => `id, 1, ${p('action')}, ${p('actorId')}, ${p('actorRole')},
  ${p('eventInstitutionId')}, ${p('at')}, ${p('fromStatus')}, ${p('toStatus')}, ${p('payload')}::jsonb, null,
  ${p('hash')}`;

// The outbox rows core computed (`outbox`, e.g. the reporter's "report received" by e-mail and SMS), for the inserted
// report: its id replaces REPORT_SLOT in their keys. A row names "the reporter", never the address.
const outbox = (rows: string, createdAt: string, from = 'r') => `o as (
      insert into notification_outbox (idempotency_key, report_id, event_seq, recipient_kind, recipient_user_id,
        audience_role, audience_institution_id, channel, template, language, payload, status, next_attempt_at,
        created_at)
      select replace(o->>'idempotencyKey', '${REPORT_SLOT}', r.id::text), r.id, (o->>'eventSeq')::int,
        o->>'recipientKind', o->>'recipientUserId', o->>'audienceRole', (o->>'audienceInstitutionId')::int,
        o->>'channel', o->>'template', o->>'language', o->'payload', 'pending', ${createdAt}, ${createdAt}
      from ${from} cross join lateral jsonb_array_elements(${rows}::jsonb) o
    )`;

// The filing app's webhook deliveries core computed (`webhooks`: null unless an app filed), one per endpoint of that
// app subscribed to the type and live (enabled, not deleted, app not disabled) — what the webhook projector writes.
const webhooks = (hooks: string, createdAt: string, from = 'r') => `w as (
      insert into webhook_deliveries (endpoint_id, report_id, event_seq, event_type, payload, status, next_attempt_at,
        created_at)
      select ep.id, r.id, 1, d->>'type', d->'payload', 'pending', ${createdAt}, ${createdAt}
      from ${from} cross join lateral (select ${hooks}::jsonb as h) k
        cross join lateral jsonb_array_elements(case when jsonb_typeof(h) = 'object' then h->'deliveries'
          else '[]'::jsonb end) d
        join webhook_endpoints ep on ep.app_id = h->>'appId' and (d->>'type') = any(ep.event_types)
        join integration_apps ap on ap.id = ep.app_id
      where ep.enabled and ep.deleted_at is null and ap.disabled_at is null
    )`;

// The answer to the filing's Idempotency-Key (`idempotency`: null without one), stored done by the same statement
// (ADR 0012): when (scope, key) is taken — by a retry that committed first, or still running (the insert waits for
// it) — nothing is inserted, and the report is not written either (its insert requires this row).
const storedKey = (key: string, from: string, where: string) => `k as (
      insert into idempotency_keys (scope, key, fingerprint, state, owner, locked_until, status, headers, body)
      select i->>'scope', i->>'key', i->>'fingerprint', 'done', (i->>'owner')::uuid, clock_timestamp(),
        (i->>'status')::smallint, i->'headers', i->>'body'
      from ${from} cross join lateral (select ${key}::jsonb as i) j
      where i is not null and ${where}
      on conflict do nothing
      returning owner
    )`;
/** Whether the filing's key row (if it has a key) was inserted by this statement. */
const keyStored = (key: string) =>
  `(${key}::jsonb is null or (${key}::jsonb->>'owner')::uuid in (select owner from k))`;

type ProjectionKey = 'stageClock' | 'outbox' | 'webhooks';
type KeyParam = 'idempotency' | 'gate';

/** The gate (intake-gate.ts) of a single filing: its JSON once as `g.gate`, with its counts. */
const gateOf = (param: string, key: string) =>
  `g as (select q.gate, ${GATE_COLUMNS}
    from (select ${param}::jsonb as gate, ${key}::jsonb as idem) q cross join ${gateCall('q.gate', 'q.idem')})`;

/** A statement's values with the projection parameters of its filing added. */
function withProjections<V extends Projected>(values: V): V & Record<ProjectionKey, string> {
  return values.outbox !== undefined
    ? (values as V & Record<ProjectionKey, string>)
    : Object.assign(values, intakeProjections(values));
}

/** A filing's values, with its projections when the caller computed them (db/postgres-reports.ts does). */
type Projected = IntakeValues & Partial<IntakeProjections>;

const INSERT_REPORT_STATEMENT = prepared<InsertKey | ProjectionKey | KeyParam>(
  'pintu_insert_report',
  (p) => `
    with ${gateOf(p('gate'), p('idempotency'))}, ${storedKey(p('idempotency'), 'g', gatePasses('g'))}, r as (
      insert into reports (${REPORT_COLUMNS}) select ${reportValues(p)} from g
      where ${gatePasses('g')} and ${keyStored(p('idempotency'))}
      returning id, lifecycle, institution_id
    ), e as (
      insert into events (${EVENT_COLUMNS}) select ${eventValues(p)} from r
    ), ${stageClock(p('stageClock'))}, ${outbox(p('outbox'), p('createdAt'))},
    ${webhooks(p('webhooks'), p('createdAt'))}, a as (
      update attachments set report_id = (select id from r)
      where exists (select 1 from r) and id = any(${p('attachmentIds')}::uuid[]) and report_id is null
        and not exists (select 1 from institution_sk s where s.attachment_id = attachments.id)
      returning id
    ), ${marks('g.gate', p('createdAt'), 'r cross join g')}
    select (select id from r)::int as id, (select count(*) from a)::int as claimed, g."gateOver", g."repeatOf"
    from g`,
);

// The checks of CHECK_REFERENCES and the insert of INSERT_REPORT in one statement: the rows are written only when
// region and category exist and the requested institution is, field for field, the one the caller presumed.
const FILE_REPORT_STATEMENT = prepared<InsertKey | ProjectionKey | KeyParam | 'presumedInstitution'>(
  'pintu_file_report',
  (p) => {
    const checked = `chk."regionExists" and chk."categoryExists"
        and chk.institution::jsonb is not distinct from ${p('presumedInstitution')}::jsonb`;
    const passes = `${checked} and ${gatePasses('g')}`;
    return `
    with ${gateOf(p('gate'), p('idempotency'))}, chk as (
      select
        exists(select 1 from regions where code = ${p('regionCode')}) as "regionExists",
        exists(select 1 from categories where id = ${p('categoryId')}) as "categoryExists",
        (select ${INSTITUTION_JSON} from institutions where id = ${p('requestedInstitutionId')}::int) as institution
    ), ${storedKey(p('idempotency'), 'chk cross join g', passes)}, r as (
      insert into reports (${REPORT_COLUMNS})
      select ${reportValues(p)} from chk cross join g
      where ${passes} and ${keyStored(p('idempotency'))}
      returning id, lifecycle, institution_id
    ), e as (
      insert into events (${EVENT_COLUMNS}) select ${eventValues(p)} from r
    ), ${stageClock(p('stageClock'))}, ${outbox(p('outbox'), p('createdAt'))},
    ${webhooks(p('webhooks'), p('createdAt'))}, ${marks('g.gate', p('createdAt'), 'r cross join g')}
    select chk."regionExists", chk."categoryExists", chk.institution, '[]'::json as "freeAttachmentIds",
      (select id from r)::int as id, (${passes} and not ${keyStored(p('idempotency'))}) as "keyTaken",
      case when ${checked} then g."gateOver" else '[]'::jsonb end as "gateOver",
      case when ${checked} then g."repeatOf" end as "repeatOf"
    from chk cross join g`;
  },
);

/**
 * The JSON fields of one filing in FILE_REPORTS, with their SQL types (jsonb_to_recordset converts to them). The
 * `jsonb` ones arrive as JSON text and are spliced in as they are (filingJson): not escaped into a string by
 * Node, not parsed twice by PostgreSQL.
 */
const FILING_FIELDS: [InsertKey | ProjectionKey | KeyParam | 'presumedInstitution' | 'ord', string][] = [
  ['ord', 'int'],
  ['trackingId', 'text'],
  ['type', 'text'],
  ['title', 'text'],
  ['body', 'text'],
  ['incidentDate', 'date'],
  ['regionCode', 'text'],
  ['address', 'text'],
  ['lat', 'float8'],
  ['lng', 'float8'],
  ['categoryId', 'int'],
  ['requestedInstitutionId', 'int'],
  ['institutionId', 'int'],
  ['status', 'text'],
  ['dueAt', 'timestamptz'],
  ['lifecycle', 'jsonb'],
  ['isAnonymous', 'bool'],
  ['isConfidential', 'bool'],
  ['channel', 'text'],
  ['language', 'text'],
  ['reporterAccountId', 'text'],
  ['reporterSealed', 'text'],
  ['accessCodeHash', 'text'],
  ['integrationAppId', 'text'],
  ['externalRef', 'text'],
  ['createdAt', 'timestamptz'],
  ['action', 'text'],
  ['actorId', 'text'],
  ['actorRole', 'text'],
  ['eventInstitutionId', 'int'],
  ['at', 'timestamptz'],
  ['fromStatus', 'text'],
  ['toStatus', 'text'],
  ['payload', 'jsonb'],
  ['hash', 'text'],
  ['presumedInstitution', 'jsonb'],
  ['stageClock', 'jsonb'],
  ['outbox', 'jsonb'],
  ['webhooks', 'jsonb'],
  ['idempotency', 'jsonb'],
  ['gate', 'jsonb'],
];

const JOINED = 'r join chk x on x."trackingId" = r.tracking_id';

// FILE_REPORT for many filings at once (db/intake-batch.ts): the same checks per row, the same rows written for each
// filing that passes them, one statement and one commit for all. `$1` is a JSON array of filings; the answer has one
// row per filing, in `ord` order.
const FILE_REPORTS_STATEMENT = prepared<'filings'>('pintu_file_reports', (p) => {
  const x = (key: string) => `x."${key}"`;
  const recordType = FILING_FIELDS.map(([k, t]) => `"${k}" ${t}`).join(', ');
  const checked = `x."regionExists" and x."categoryExists"
        and x.institution::jsonb is not distinct from x."presumedInstitution"::jsonb`;
  const passes = `${checked} and ${gatePasses('x')}`;
  return `
    with x as (
      select * from jsonb_to_recordset(${p('filings')}::jsonb) as x(${recordType})
    ), chk as (
      select x.*,
        exists(select 1 from regions where code = x."regionCode") as "regionExists",
        exists(select 1 from categories where id = x."categoryId") as "categoryExists",
        (select ${INSTITUTION_JSON} from institutions where id = x."requestedInstitutionId") as institution,
        ${GATE_COLUMNS}
      from x cross join ${gateCall('x."gate"', 'x."idempotency"')}
    ), ${storedKey('x."idempotency"', 'chk x', passes)}, r as (
      insert into reports (${REPORT_COLUMNS})
      select ${reportValues(x)} from chk x
      where ${passes} and ${keyStored('x."idempotency"')}
      returning id, tracking_id, lifecycle, institution_id
    ), e as (
      insert into events (${EVENT_COLUMNS})
      select ${eventValues(x)} from r join chk x on x."trackingId" = r.tracking_id
    ), ${stageClock('x."stageClock"', JOINED)}, ${outbox('x."outbox"', 'x."createdAt"', JOINED)},
    ${webhooks('x."webhooks"', 'x."createdAt"', JOINED)}, ${marks('x."gate"', 'x."createdAt"', JOINED)}
    select x."regionExists", x."categoryExists", x.institution, '[]'::json as "freeAttachmentIds", r.id::int as id,
      (${passes} and not ${keyStored('x."idempotency"')}) as "keyTaken",
      case when ${checked} then x."gateOver" else '[]'::jsonb end as "gateOver",
      case when ${checked} then x."repeatOf" end as "repeatOf"
    from chk x left join r on r.tracking_id = x."trackingId"
    order by x.ord`;
});

type Values<K extends string> = Record<K, unknown> &
  Projected & { idempotency: string | null; gate: string | null };

/** The report with its first event, stage clock and outbox rows, and its attachments claimed: one statement. */
export const INSERT_REPORT = (db: Runner, values: Values<InsertKey>) =>
  INSERT_REPORT_STATEMENT(db, withProjections(values));

/** CHECK_REFERENCES and INSERT_REPORT in one statement (no attachments). */
export const FILE_REPORT = (db: Runner, values: Values<InsertKey | 'presumedInstitution'>) =>
  FILE_REPORT_STATEMENT(db, withProjections(values));

/** FILE_REPORT for many filings, each as FILE_REPORT's values plus its `ord`; sent as one JSON array. */
export const FILE_REPORTS = (
  db: Runner,
  values: { filings: Values<InsertKey | 'presumedInstitution' | 'ord'>[] },
) =>
  FILE_REPORTS_STATEMENT(db, {
    filings: `[${values.filings.map((f) => filingJson(withProjections(f))).join(',')}]`,
  });

/** One filing as FILE_REPORTS reads it: its FILING_FIELDS, the `jsonb` ones spliced in as the JSON they hold. */
function filingJson(f: object): string {
  let json = '';
  for (const [key, type] of FILING_FIELDS) {
    const v = (f as Record<string, unknown>)[key] ?? null;
    json += `,"${key}":${type === 'jsonb' ? (v === null ? 'null' : String(v)) : JSON.stringify(v)}`;
  }
  return `{${json.slice(1)}}`;
}
