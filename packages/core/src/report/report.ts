/** The report (laporan) of domain.md §4 and the vocabulary every layer shares. */

/** The three report types: pengaduan, aspirasi, permintaan informasi. */
export const REPORT_TYPES = ['complaint', 'aspiration', 'information_request'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

/** Every status of the lifecycle (domain.md §5); the database CHECK is generated from this list. */
export const REPORT_STATUSES = [
  'submitted',
  'dispositioned',
  'in_progress',
  'awaiting_reporter',
  'resolved',
  'on_hold',
  'archived',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Channels a report can arrive by (domain.md §8); `integration:<app>` names the regional app. */
export const BASE_CHANNELS = ['web', 'assisted', 'sms', 'email', 'open311', 'import', 'federation'] as const;
export type Channel = (typeof BASE_CHANNELS)[number] | `integration:${string}`;

/** Whether a string is a valid channel code. */
export function isChannel(value: string): value is Channel {
  return (
    (BASE_CHANNELS as readonly string[]).includes(value) ||
    /^integration:[a-z0-9][a-z0-9-]{1,40}$/.test(value)
  );
}

/** Complexity classes of the follow-up stage: 5 / 14 / 60 working days (domain.md §5). */
export const COMPLEXITY_CLASSES = ['simple', 'no_field_exam', 'field_exam'] as const;
export type ComplexityClass = (typeof COMPLEXITY_CLASSES)[number];

/** Field limits of domain.md §4, shared by the API schema and the web form. */
export const REPORT_LIMITS = {
  titleMin: 10,
  titleMax: 150,
  bodyMin: 30,
  bodyMax: 8000,
  addressMax: 500,
  attachmentsMax: 5,
  attachmentBytesMax: 10 * 1024 * 1024,
  nameMax: 120,
} as const;

/** Indonesia's bounding box (Sabang–Merauke, Miangas–Rote, with a margin) for lat/lng checks. */
export const INDONESIA_BOUNDS = { latMin: -11.2, latMax: 6.3, lngMin: 94.7, lngMax: 141.2 } as const;

/** Whether a point lies inside Indonesia's bounding box. */
export function isInIndonesia(lat: number, lng: number): boolean {
  const b = INDONESIA_BOUNDS;
  return lat >= b.latMin && lat <= b.latMax && lng >= b.lngMin && lng <= b.lngMax;
}

/** Indonesian labels of the statuses as SP4N-LAPOR! shows them. */
export const STATUS_LABELS_ID: Record<ReportStatus, string> = {
  submitted: 'Belum Terverifikasi',
  dispositioned: 'Terdisposisi Belum Ditindaklanjuti',
  in_progress: 'Terdisposisi Sedang Diproses',
  awaiting_reporter: 'Menunggu Tanggapan Pelapor',
  resolved: 'Selesai',
  on_hold: 'Tertunda',
  archived: 'Arsip',
};

/** The same labels in English (notifications and the SMS channel's answers). */
export const STATUS_LABELS_EN: Record<ReportStatus, string> = {
  submitted: 'Not yet verified',
  dispositioned: 'Dispositioned, not yet followed up',
  in_progress: 'Being processed',
  awaiting_reporter: 'Awaiting your response',
  resolved: 'Resolved',
  on_hold: 'On hold',
  archived: 'Archived',
};
