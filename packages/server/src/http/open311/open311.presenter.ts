/**
 * What each Open311 answer holds, element by element in the order GeoReport v2 lists them (docs/open311.md). A
 * request is what the public sees of a report (reports.presenter.ts): no reporter, the regency as its place, its
 * point rounded to 0.1°; date-times in the holder's own offset (WIB +07:00, WITA +08:00, WIT +09:00).
 */
import {
  CENTRAL_TIME_ZONE,
  type Open311Request,
  type Open311Service,
  type ReportStatus,
  STATUS_LABELS_ID,
  TIME_ZONES,
  type TimeZone,
  UTC_OFFSET_MINUTES,
} from '@pintu/core';
import { SERVICE_ATTRIBUTES } from '../../app/open311/attributes';
import { OPEN311_STATUS } from '../../app/open311/read-requests';
import type { FiledReport } from '../../app/reports/file-report';
import { type Doc, fields, list } from './open311-document';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint's definitions last changed (sortable, W3C): bump it with the attributes or the mapping. */
export const CHANGESET = '2026-12-07T00:00:00+07:00';
/** The standard's limit of a description. */
export const DESCRIPTION_MAX = 4000;
/** Public points are rounded to this many decimals of a degree (0.1° ≈ 11 km, no finer than a regency). */
const POINT_DECIMALS = 1;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A W3C date-time (ISO 8601 subset) with the time zone's own offset: `2026-12-07T09:30:00+08:00`. */
export function w3cDateTime(t: Date, tz: TimeZone): string {
  const minutes = UTC_OFFSET_MINUTES[tz];
  const l = new Date(t.getTime() + minutes * 60_000);
  const offset = `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
  return `${l.getUTCFullYear()}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())}T${pad(l.getUTCHours())}:${pad(
    l.getUTCMinutes(),
  )}:${pad(l.getUTCSeconds())}${offset}`;
}

const zoneOf = (tz: string | null): TimeZone =>
  (TIME_ZONES as readonly string[]).includes(tz ?? '') ? (tz as TimeZone) : CENTRAL_TIME_ZONE;

export function presentDiscovery(baseUrl: string, instanceName: string): Doc {
  return fields(
    ['changeset', CHANGESET],
    ['contact', `${instanceName}: ${baseUrl}`],
    [
      'key_service',
      `Kunci API (pintu_…) dibuat developer instansi untuk aplikasinya di ${baseUrl}/staff/integration; kirim sebagai api_key. / API keys are issued to an institution's registered apps at ${baseUrl}/staff/integration; send one as api_key.`,
    ],
    [
      'endpoints',
      list('endpoint', [
        fields(
          ['specification', SPECIFICATION],
          ['url', `${baseUrl}/open311/v2`],
          ['changeset', CHANGESET],
          ['type', 'production'],
          ['formats', list('format', ['text/xml', 'application/json'])],
        ),
      ]),
    ],
  );
}

function presentService(s: Open311Service): Doc {
  const keywords = [...new Set([s.nameEn, s.parentName, s.parentNameEn].filter((k): k is string => !!k))];
  return fields(
    ['service_code', s.code],
    ['service_name', s.name],
    ['description', s.nameEn ? `${s.name} — ${s.nameEn}` : s.name],
    // Every service has the attributes of a report (app/open311/attributes.ts).
    ['metadata', true],
    ['type', 'realtime'],
    ['keywords', keywords.join(', ') || null],
    ['group', s.parentName ?? s.name],
  );
}

export const presentServices = (services: Open311Service[]): Doc =>
  list('service', services.map(presentService));

export function presentDefinition(s: Open311Service): Doc {
  return fields(
    ['service_code', s.code],
    [
      'attributes',
      list(
        'attribute',
        SERVICE_ATTRIBUTES.map((a) => {
          const entries: [string, Doc][] = [
            ['variable', a.variable],
            ['code', a.code],
            ['datatype', a.datatype],
            ['required', a.required],
            ['datatype_description', a.datatypeDescription],
            ['order', a.order],
            ['description', a.description],
          ];
          if (a.values)
            entries.push([
              'values',
              list(
                'value',
                a.values.map((v) => fields(['key', v.key], ['name', v.name])),
              ),
            ]);
          return { fields: entries };
        }),
      ),
    ],
  );
}

const SERVICE_NOTICES: Record<ReportStatus, string> = {
  submitted:
    'Diverifikasi paling lambat 3 hari kerja, lalu diteruskan ke instansi yang berwenang. / Verified within 3 working days, then passed to the institution in charge.',
  dispositioned: 'Menunggu respons awal instansi. / Awaiting the institution’s first response.',
  in_progress: 'Sedang ditindaklanjuti instansi. / Being followed up by the institution.',
  awaiting_reporter:
    'Tindak lanjut sudah diberikan; menunggu tanggapan pelapor. / Follow-up given; awaiting the reporter’s reply.',
  on_hold:
    'Tertunda: instansi menunggu informasi dari pelapor. / On hold: the institution awaits information from the reporter.',
  resolved: 'Selesai. / Resolved.',
  archived: 'Diarsipkan tanpa tindak lanjut. / Archived without follow-up.',
};

const ARCHIVE_REASONS: Record<string, string> = {
  unclear: 'Tidak jelas / Unclear',
  too_general: 'Terlalu umum / Too general',
  not_public_service: 'Bukan pelayanan publik / Not a public service',
  duplicate: 'Duplikat laporan lain / Duplicate of another report',
  out_of_scope: 'Di luar cakupan / Out of scope',
  abusive: 'Kasar atau melanggar ketentuan / Abusive or against the rules',
  no_response: 'Pelapor tidak menjawab / Reporter did not answer',
};

/** Why the status is what it is: an archive's reason, else the latest published follow-up, else the status. */
function statusNotes(r: Open311Request): string {
  if (r.status === 'archived')
    return `Diarsipkan: ${ARCHIVE_REASONS[r.archiveReason ?? ''] ?? r.archiveReason ?? '-'}`;
  return r.followUp ?? STATUS_LABELS_ID[r.status as ReportStatus] ?? r.status;
}

const MEDIA_LINE = /\n\nMedia: (https?:\/\/\S+)$/;

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const coarse = (v: number | null) => (v === null ? null : Number(v.toFixed(POINT_DECIMALS)));

function presentRequest(r: Open311Request, baseUrl: string): Doc {
  const tz = zoneOf(r.holderTimeZone);
  const status = OPEN311_STATUS[r.status as ReportStatus] ?? 'open';
  const place = [...new Set([r.publicRegionName, r.provinceName].filter((p): p is string => !!p))];
  const media = r.imageId
    ? `${baseUrl}/api/v1/reports/${r.trackingId}/attachments/${r.imageId}`
    : (MEDIA_LINE.exec(r.body)?.[1] ?? null);
  return fields(
    ['service_request_id', r.trackingId],
    ['status', status],
    ['status_notes', statusNotes(r)],
    ['service_name', r.serviceName],
    ['service_code', r.serviceCode],
    ['description', clip(`${r.title}\n\n${r.body}`, DESCRIPTION_MAX)],
    ['agency_responsible', r.holderName ?? 'Admin nasional (antrean verifikasi)'],
    ['service_notice', SERVICE_NOTICES[r.status as ReportStatus] ?? null],
    ['requested_datetime', w3cDateTime(r.createdAt, tz)],
    // A closed request's update is its closing (GeoReport v2), even if a rating came later.
    ['updated_datetime', w3cDateTime(r.closedAt ?? r.updatedAt, tz)],
    ['expected_datetime', status === 'open' && r.dueAt ? w3cDateTime(r.dueAt, tz) : null],
    ['address', place.join(', ') || null],
    ['address_id', r.publicRegionCode],
    ['zipcode', null],
    ['lat', coarse(r.lat)],
    ['long', coarse(r.lng)],
    ['media_url', media],
  );
}

export const presentRequests = (rows: Open311Request[], baseUrl: string): Doc =>
  list(
    'request',
    rows.map((r) => presentRequest(r, baseUrl)),
  );

/** The answer to a filing: its id, what happens next and, once only, the access code the reporter follows it with. */
export function presentCreated(filed: FiledReport): Doc {
  const due = filed.dueAt ? w3cDateTime(new Date(filed.dueAt), CENTRAL_TIME_ZONE) : null;
  const notice = [
    `Laporan ${filed.trackingId} diterima${due ? `; diverifikasi paling lambat ${due}` : ''}.`,
    `Kode akses (simpan, hanya ditampilkan sekali): ${filed.accessCode}.`,
    `/ Report received${due ? `; verified by ${due}` : ''}. Access code (keep it, shown only once): ${filed.accessCode}.`,
  ].join(' ');
  return list('request', [
    fields(['service_request_id', filed.trackingId], ['service_notice', notice], ['account_id', null]),
  ]);
}

export const presentToken = (id: string, token: string): Doc =>
  list('request', [fields(['service_request_id', id], ['token', token])]);

export const presentErrors = (errors: { code: number; description: string }[]): Doc =>
  list(
    'error',
    errors.map((e) => fields(['code', e.code], ['description', e.description])),
  );
