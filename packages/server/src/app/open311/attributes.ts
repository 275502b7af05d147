/**
 * The attributes of every Open311 service definition (GeoReport v2, GET Service Definition): what a report needs
 * beyond the standard fields (domain.md §4) — its type, title, incident date, anonymity and confidentiality — and
 * a notice that is only shown (`variable` false). Categories carry no attributes of their own, so every service
 * has these, none required: a request without them is a complaint, titled from its description, that happened
 * today, confidential no, anonymous when it names no one.
 */
import { REPORT_LIMITS, REPORT_TYPES } from '@pintu/core';

export type AttributeDatatype =
  | 'string'
  | 'number'
  | 'datetime'
  | 'text'
  | 'singlevaluelist'
  | 'multivaluelist';

export interface ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  datatypeDescription: string | null;
  order: number;
  description: string;
  /** The options of a list; absent for other datatypes. */
  values?: { key: string; name: string }[];
}

const YES_NO = [
  { key: 'false', name: 'Tidak / No' },
  { key: 'true', name: 'Ya / Yes' },
];

const TYPE_NAMES: Record<(typeof REPORT_TYPES)[number], string> = {
  complaint: 'Pengaduan / Complaint',
  aspiration: 'Aspirasi / Aspiration',
  information_request: 'Permintaan informasi / Information request',
};

export const SERVICE_ATTRIBUTES: readonly ServiceAttribute[] = [
  {
    variable: true,
    code: 'report_type',
    datatype: 'singlevaluelist',
    required: false,
    datatypeDescription: null,
    order: 1,
    description: 'Jenis laporan (bawaan: pengaduan). / Report type (default: complaint).',
    values: REPORT_TYPES.map((key) => ({ key, name: TYPE_NAMES[key] })),
  },
  {
    variable: true,
    code: 'title',
    datatype: 'string',
    required: false,
    datatypeDescription: `${REPORT_LIMITS.titleMin}–${REPORT_LIMITS.titleMax} karakter / characters`,
    order: 2,
    description:
      'Judul laporan; bila kosong diambil dari kalimat pertama deskripsi. / Title; when empty, taken from the first sentence of the description.',
  },
  {
    variable: true,
    code: 'incident_date',
    datatype: 'datetime',
    required: false,
    datatypeDescription: 'YYYY-MM-DD atau/or W3C date-time, mis./e.g. 2026-12-01T08:30:00+08:00',
    order: 3,
    description:
      'Tanggal kejadian, tidak di masa depan (bawaan: hari ini). / Date of the incident, not in the future (default: today).',
  },
  {
    variable: true,
    code: 'is_anonymous',
    datatype: 'singlevaluelist',
    required: false,
    datatypeDescription: null,
    order: 4,
    description:
      'Anonim: identitas Anda tidak ditampilkan kepada instansi mana pun maupun publik (bawaan: ya bila tanpa nama). / Anonymous: your identity is shown to no institution and not to the public (default: yes when no name is given).',
    values: YES_NO,
  },
  {
    variable: true,
    code: 'is_confidential',
    datatype: 'singlevaluelist',
    required: false,
    datatypeDescription: null,
    order: 5,
    description:
      'Rahasia: isi laporan tidak tampil untuk publik, hanya untuk instansi yang menangani (bawaan: tidak). / Confidential: the content is hidden from the public, only the handling institutions see it (default: no).',
    values: YES_NO,
  },
  {
    variable: false,
    code: 'privacy_notice',
    datatype: 'text',
    required: false,
    datatypeDescription: null,
    order: 6,
    description:
      'Laporan yang tidak rahasia tampil untuk publik tanpa identitas pelapor; foto dan detail lokasi dapat mengenali Anda. / Reports that are not confidential are public without the reporter’s identity; photos and location details can identify you.',
  },
];

/** The attribute of a code that a request may set (the notice is not one). */
export function variableAttribute(code: string): ServiceAttribute | undefined {
  return SERVICE_ATTRIBUTES.find((a) => a.code === code && a.variable);
}
