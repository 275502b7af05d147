/**
 * The Open311 arguments (GeoReport v2): the query of GET requests and the form of POST requests, read into the
 * use cases' plain inputs. An argument sent empty is one not sent ("Optional Arguments"); every problem is one
 * error description naming the argument, Indonesian first and English after the slash.
 */

import { z } from '@hono/zod-openapi';
import { REPORT_LIMITS as L } from '@pintu/core';
import type { Open311Filing } from '../../app/open311/file-request';
import type { RequestFilter } from '../../app/open311/read-requests';
import { DESCRIPTION_MAX } from './open311.presenter';

/** What a bad argument becomes: one `{field, message}` per problem. */
export class BadArguments extends Error {
  constructor(readonly problems: { field: string; message: string }[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'BadArguments';
  }
}

const blankIsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(t: T) => z.preprocess(blankIsAbsent, t.optional());
const chars = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .refine((s) => !s.includes('\u0000'), { message: 'Karakter NUL tidak diizinkan. / NUL is not allowed.' })
    .refine((s) => [...s].length >= min && [...s].length <= max, {
      message: `${what} ${min}–${max} karakter. / ${min}–${max} characters.`,
    });

const W3C = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+\- ]\d{2}:\d{2}))?$/;

/**
 * A W3C date-time (ISO 8601 subset) with its zone, e.g. `2026-12-01T00:00:00+08:00` or `…Z`; a `+` sent unencoded
 * in a query arrives as a space and is read as `+`. A date alone is that day from 00:00 WIB.
 */
export function parseW3c(value: string): Date | null {
  const m = W3C.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone = '+07:00'] = m;
  const n = (x: string) => Number(x);
  const days = new Date(Date.UTC(n(y!), n(mo!), 0)).getUTCDate();
  if (n(mo!) < 1 || n(mo!) > 12 || n(d!) < 1 || n(d!) > days || n(h) > 23 || n(mi) > 59 || n(s) > 59)
    return null;
  const offset = zone === 'Z' ? 'Z' : `${zone[0] === '-' ? '-' : '+'}${zone.slice(1)}`;
  if (offset !== 'Z' && (n(offset.slice(1, 3)) > 14 || n(offset.slice(4)) > 59)) return null;
  const t = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(t.getTime()) ? null : t;
}

const w3cDate = z.string().transform((v, ctx) => {
  const t = parseW3c(v);
  if (!t)
    ctx.addIssue({
      code: 'custom',
      message:
        'Bukan tanggal W3C dengan zona waktu, mis. 2026-12-01T00:00:00+07:00. / Not a W3C date-time with a time zone, e.g. 2026-12-01T00:00:00Z.',
    });
  return t ?? new Date(Number.NaN);
});

const TRACKING_ID = /^LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
/** Every value of a repeatable, comma-delimited argument. */
const commaList = (values: string[]) =>
  values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

function problemsOf(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({ field: String(i.path[0] ?? 'request'), message: i.message }));
}

/** The filter of GET requests from its (possibly repeated) query arguments. */
export function readFilter(queries: Record<string, string[]>): RequestFilter {
  const one = (k: string) => blankIsAbsent(queries[k]?.[0]) as string | undefined;
  const problems: { field: string; message: string }[] = [];
  const ids = commaList(queries.service_request_id ?? []).map((v) => v.toUpperCase());
  for (const id of ids.filter((v) => !TRACKING_ID.test(v)))
    problems.push({
      field: 'service_request_id',
      message: `Bukan service_request_id Pintu (LPR-XXXX-XXXX-XXXX): ${id}. / Not a Pintu service_request_id.`,
    });
  const statuses = commaList(queries.status ?? []);
  for (const s of statuses.filter((v) => v !== 'open' && v !== 'closed'))
    problems.push({
      field: 'status',
      message: `Status harus open atau closed: ${s}. / Must be open or closed.`,
    });
  const dates = z.object({ start_date: opt(w3cDate), end_date: opt(w3cDate) }).safeParse({
    start_date: one('start_date'),
    end_date: one('end_date'),
  });
  if (!dates.success) problems.push(...problemsOf(dates.error));
  if (problems.length) throw new BadArguments(problems);
  return {
    serviceRequestIds: ids.length ? ids : undefined,
    serviceCodes: commaList(queries.service_code ?? []),
    start: dates.data?.start_date,
    end: dates.data?.end_date,
    statuses: statuses as ('open' | 'closed')[],
  };
}

const coordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/, 'Bukan angka desimal WGS84. / Not a WGS84 decimal number.')
    .transform(Number)
    .refine((v) => v >= min && v <= max, { message: `Di luar ${min}…${max}. / Outside ${min}…${max}.` });

// Indonesian mobile numbers as the web form takes them; spaces, dots, dashes and brackets are dropped first.
const phone = z
  .string()
  .transform((v) => v.replace(/[\s.()-]/g, ''))
  .pipe(
    z
      .string()
      .regex(
        /^(\+62|62|0)8\d{7,12}$/,
        'Nomor ponsel Indonesia tidak valid (contoh 081234567890). / Not an Indonesian mobile number.',
      ),
  );

const Form = z.object({
  service_code: z.preprocess(
    blankIsAbsent,
    z.string({ error: 'service_code wajib diisi. / service_code is required.' }).trim().max(100),
  ),
  lat: opt(coordinate(-90, 90)),
  long: opt(coordinate(-180, 180)),
  address_string: opt(chars(1, L.addressMax, 'Alamat')),
  address_id: opt(z.string().trim().max(40)),
  email: opt(z.email('Alamat e-mail tidak valid. / Not an e-mail address.').max(254)),
  device_id: opt(z.string().max(200)),
  account_id: opt(z.string().max(200)),
  first_name: opt(chars(1, L.nameMax, 'Nama')),
  last_name: opt(chars(1, L.nameMax, 'Nama')),
  phone: opt(phone),
  description: z.preprocess(
    blankIsAbsent,
    z
      .string({ error: 'description wajib diisi. / description is required.' })
      .pipe(chars(L.bodyMin, DESCRIPTION_MAX, 'Deskripsi')),
  ),
  media_url: opt(
    z.url({ protocol: /^https?$/, error: 'Bukan URL http(s). / Not an http(s) URL.' }).max(2048),
  ),
});

const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;

/** The filing of a POST requests form (its values as `parseBody({ all: true })` gives them). */
export function filingOf(form: Record<string, unknown>): Open311Filing {
  const problems: { field: string; message: string }[] = [];
  // Without a prototype: the keys are the client's (`attribute[__proto__]` is just an unknown attribute).
  const scalars: Record<string, unknown> = Object.create(null);
  const attributes: Record<string, string[]> = Object.create(null);
  for (const [key, raw] of Object.entries(form)) {
    const values = Array.isArray(raw) ? raw : [raw];
    if (values.some((v) => typeof v !== 'string')) {
      problems.push({ field: key, message: 'Berkas tidak diterima; pakai media_url. / No file uploads.' });
      continue;
    }
    const attr = ATTRIBUTE.exec(key);
    if (attr) attributes[attr[1]!] = [...(attributes[attr[1]!] ?? []), ...(values as string[])];
    else scalars[key] = values[0];
  }
  // An attribute sent empty is one not sent.
  for (const [code, values] of Object.entries(attributes)) {
    const given = values.filter((v) => v.trim());
    if (given.length) attributes[code] = given;
    else delete attributes[code];
  }
  const parsed = Form.safeParse(scalars);
  if (!parsed.success) problems.push(...problemsOf(parsed.error));
  // Across arguments, on what was sent (so that they are named even when another argument is malformed).
  const sent = (k: string) => blankIsAbsent(scalars[k]) !== undefined;
  if (sent('lat') !== sent('long'))
    problems.push({
      field: sent('lat') ? 'long' : 'lat',
      message: 'lat dan long harus dikirim bersama. / lat and long must be sent together.',
    });
  if (!sent('lat') && !sent('long') && !sent('address_string') && !sent('address_id'))
    problems.push({
      field: 'location',
      message:
        'Lokasi wajib: lat & long, address_string, atau address_id. / A location is required: lat & long, address_string or address_id.',
    });
  const f = parsed.data;
  const name = [f?.first_name, f?.last_name].filter(Boolean).join(' ');
  if ([...name].length > L.nameMax || (name && [...name].length < 2))
    problems.push({
      field: 'first_name',
      message: `Nama 2–${L.nameMax} karakter. / Name 2–${L.nameMax} characters.`,
    });
  if (problems.length || !f) throw new BadArguments(problems);
  return {
    serviceCode: f.service_code,
    lat: f.lat,
    lng: f.long,
    addressString: f.address_string,
    addressId: f.address_id,
    attributes,
    email: f.email,
    firstName: f.first_name,
    lastName: f.last_name,
    phone: f.phone,
    description: f.description,
    mediaUrl: f.media_url,
  };
}
