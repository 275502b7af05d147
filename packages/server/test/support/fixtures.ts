/** Test data builders for reports and files. */

import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '../../src/db/open';

/** Ids of reference rows the tests use, looked up by their stable codes. */
export async function refIds(db: Db) {
  const res = await db.execute(sql`select
    (select id from categories where code = 'infrastruktur.jalan-kabupaten') as "roads",
    (select id from categories where code = 'infrastruktur') as "infrastructure",
    (select id from categories where code = 'kesehatan.puskesmas') as "puskesmas",
    (select id from institutions where code = 'pemda-64.72') as "samarinda",
    (select id from institutions where code = 'pemprov-64') as "kaltim",
    (select id from institutions where code = 'pemda-94.01') as "papuaTengahRegency",
    (select id from institutions where code = 'kemenpu') as "kemenpu"`);
  return res.rows[0] as Record<
    'roads' | 'infrastructure' | 'puskesmas' | 'samarinda' | 'kaltim' | 'papuaTengahRegency' | 'kemenpu',
    number
  >;
}

/** A valid report body; override any field. */
export function reportInput(categoryId: number, over: Record<string, unknown> = {}) {
  return {
    type: 'complaint',
    title: 'Jalan berlubang di Jalan Juanda Samarinda',
    body: 'Lubang besar di depan pasar sudah tiga minggu tidak diperbaiki dan membahayakan pengendara motor.',
    incidentDate: '2024-03-28',
    location: { regionCode: '64.72.01', address: 'Jl. Juanda, depan pasar', lat: -0.4948, lng: 117.1436 },
    categoryId,
    isAnonymous: false,
    isConfidential: false,
    reporter: { name: 'Siti Rahmawati', email: 'siti.rahmawati@example.id', phone: '081234567890' },
    ...over,
  };
}

/** Counts of the rows a failed request must not leave behind. */
export async function rowCounts(db: Db) {
  const res = await db.execute(sql`select (select count(*) from reports)::int as reports,
    (select count(*) from events)::int as events, (select count(*) from attachments)::int as attachments`);
  return res.rows[0] as { reports: number; events: number; attachments: number };
}

/** A JPEG carrying EXIF with a GPS position, as a phone camera writes it. */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Cheap Phone 3', Artist: 'Siti Rahmawati' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '0/1 29/1 41/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '117/1 8/1 37/1',
      },
    })
    .toBuffer();
}

/** A multipart upload request body holding one file. */
export function uploadForm(
  bytes: Buffer | Uint8Array,
  name: string,
  type = 'application/octet-stream',
): FormData {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name, { type }));
  return form;
}
