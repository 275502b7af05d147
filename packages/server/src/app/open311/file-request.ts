/**
 * POST Service Request (GeoReport v2) as a filing like any other: the Open311 fields become a `ReportFiling` and go
 * through `fileReport` — the same intake rules, queue, deadlines and privacy as the web — filed by the key's app on
 * channel `open311` (the app gets the access code, the citizen stays a guest reporter, as with the integration API).
 */
import {
  DomainFailure,
  type FieldError,
  fail,
  localDate,
  REPORT_LIMITS,
  type ReportType,
  timeZoneOfRegion,
} from '@pintu/core';
import type { AppIdentity } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { type FileDeps, type FiledReport, fileReport } from '../reports/file-report';
import { variableAttribute } from './attributes';
import { type LocateFailure, locate } from './locate';

/** An Open311 request's fields, already well-formed (http/open311/open311.schema.ts). */
export interface Open311Filing {
  serviceCode: string;
  lat?: number | undefined;
  lng?: number | undefined;
  addressString?: string | undefined;
  addressId?: string | undefined;
  /** `attribute[code]=value` (a list attribute may repeat: `attribute[code][]=value`). */
  attributes: Record<string, string[]>;
  email?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  phone?: string | undefined;
  description: string;
  mediaUrl?: string | undefined;
}

export type Open311FileDeps = FileDeps & Pick<AppDeps, 'open311'>;

const LOCATE_MESSAGES: Record<LocateFailure, string> = {
  outside_indonesia:
    'Titik lokasi di luar wilayah Indonesia. / The location (lat/long) lies outside Indonesia.',
  unknown_region:
    'address_id bukan kode wilayah Kemendagri yang dikenal. / address_id is not a known Kemendagri region code.',
  address_not_found:
    'Wilayah tidak dikenali dari address_string; kirim lat/long atau address_id (kode wilayah Kemendagri). / No region found in address_string; send lat/long or address_id (a Kemendagri region code).',
};

/** The Open311 name of each intake field, so an error names what the client sent. */
const FIELD_NAMES: Record<string, string> = {
  incidentDate: 'attribute[incident_date]',
  'location.lat': 'lat',
  'location.lng': 'long',
  'location.regionCode': 'address_id',
  'location.address': 'address_string',
  'reporter.name': 'first_name',
  categoryId: 'service_code',
  body: 'description',
  title: 'attribute[title]',
};

const invalid = (fields: FieldError[]): never =>
  fail('VALIDATION', 'Permintaan Open311 tidak valid. / Invalid Open311 request.', fields);

/** The one value of a single-valued attribute, after checking it is one of the list's keys. */
function attribute(a: Record<string, string[]>, code: string, errors: FieldError[]): string | undefined {
  const values = a[code];
  if (!values?.length) return undefined;
  const def = variableAttribute(code)!;
  const field = `attribute[${code}]`;
  if (values.length > 1)
    errors.push({ field, code: 'single', message: 'Hanya satu nilai. / One value only.' });
  const value = values[0]!.trim();
  if (def.values && !def.values.some((v) => v.key === value))
    errors.push({
      field,
      code: 'not_in_list',
      message: `Pilih salah satu: ${def.values.map((v) => v.key).join(', ')}. / Must be one of the listed keys.`,
    });
  return value;
}

/** A title from the description's first sentence (10–150 characters), when the request sends none. */
export function titleFrom(serviceName: string, description: string): string {
  const line =
    description
      .split(/\r?\n/)
      .find((l) => l.trim())
      ?.trim() ?? '';
  const sentence = line.split(/(?<=[.!?])\s/)[0] ?? line;
  let title = sentence.length >= REPORT_LIMITS.titleMin ? sentence : `Laporan ${serviceName}: ${sentence}`;
  if (title.length > REPORT_LIMITS.titleMax)
    title = `${title.slice(0, REPORT_LIMITS.titleMax - 1).replace(/\s+\S*$/, '')}…`;
  return title;
}

/** `YYYY-MM-DD`, or a W3C date-time read as a date where the incident happened. */
function incidentDateOf(value: string, regionCode: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Number.isNaN(Date.parse(value)) ? null : value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? null : localDate(t, timeZoneOfRegion(regionCode));
}

/** Files an Open311 request for the key's app; the report as filed, or a DomainFailure naming Open311 fields. */
export async function fileOpen311Request(
  deps: Open311FileDeps,
  app: AppIdentity,
  input: Open311Filing,
  /** The client's address: a public client may embed the key, so the filing limits count it (docs/abuse.md). */
  address: string | null = null,
): Promise<FiledReport> {
  const service = (await deps.open311.services()).find((s) => s.code === input.serviceCode);
  if (!service)
    fail('NOT_FOUND', 'service_code tidak ditemukan / not found', [
      { field: 'service_code', code: 'unknown', message: input.serviceCode },
    ]);
  const errors: FieldError[] = [];
  for (const code of Object.keys(input.attributes))
    if (!variableAttribute(code))
      errors.push({
        field: `attribute[${code}]`,
        code: 'unknown',
        message: 'Atribut tidak dikenal layanan ini. / Not an attribute of this service.',
      });
  const a = input.attributes;
  const type = (attribute(a, 'report_type', errors) ?? 'complaint') as ReportType;
  const title = attribute(a, 'title', errors) ?? titleFrom(service!.name, input.description);
  if (title.length < REPORT_LIMITS.titleMin || title.length > REPORT_LIMITS.titleMax)
    errors.push({
      field: 'attribute[title]',
      code: 'length',
      message: `Judul ${REPORT_LIMITS.titleMin}–${REPORT_LIMITS.titleMax} karakter. / Title must be ${REPORT_LIMITS.titleMin}–${REPORT_LIMITS.titleMax} characters.`,
    });
  const named = [input.firstName, input.lastName].filter((s) => s?.trim()).join(' ');
  const isAnonymous = (attribute(a, 'is_anonymous', errors) ?? String(!named)) === 'true';
  const isConfidential = attribute(a, 'is_confidential', errors) === 'true';
  const incident = attribute(a, 'incident_date', errors);

  const located = await locate(deps.open311, input);
  if (!located.ok)
    errors.push({ field: located.field, code: located.reason, message: LOCATE_MESSAGES[located.reason] });
  const regionCode = located.ok ? located.regionCode : '';
  const incidentDate =
    incident === undefined
      ? localDate(deps.now, regionCode ? timeZoneOfRegion(regionCode) : 'Asia/Jakarta')
      : regionCode && incidentDateOf(incident, regionCode);
  if (incidentDate === null)
    errors.push({
      field: 'attribute[incident_date]',
      code: 'invalid',
      message: 'Bukan tanggal W3C (YYYY-MM-DD atau date-time dengan zona). / Not a W3C date or date-time.',
    });
  if (errors.length) invalid(errors);

  // An anonymous request may leave contact details for the notices without a name: it is then just "Pelapor".
  const contact = input.email || input.phone;
  const reporter =
    named || (isAnonymous && contact)
      ? { name: named || 'Pelapor', email: input.email, phone: input.phone }
      : undefined;
  // A media URL is not fetched (no request to an address a client chose); handlers find it under the text.
  const body = input.mediaUrl ? `${input.description}\n\nMedia: ${input.mediaUrl}` : input.description;
  try {
    return await fileReport(
      deps,
      {
        type,
        title,
        body,
        incidentDate: incidentDate as string,
        location: { regionCode, address: input.addressString, lat: input.lat, lng: input.lng },
        categoryId: service!.id,
        isAnonymous,
        isConfidential,
        attachmentIds: [],
        reporter,
        language: 'id',
      },
      { kind: 'app', channel: 'open311', app, address },
    );
  } catch (err) {
    if (!(err instanceof DomainFailure) || err.error.code !== 'VALIDATION') throw err;
    return invalid((err.error.fields ?? []).map((f) => ({ ...f, field: FIELD_NAMES[f.field] ?? f.field })));
  }
}
