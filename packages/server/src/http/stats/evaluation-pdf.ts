/**
 * The printable evaluation report of one institution and period (PDF, pdfkit): the §9 indicators, SLA compliance,
 * backlog and the monthly trend, with the time it was produced, so it can serve as evidence for the annual
 * evaluation. Aggregates only: no report content, no reporter.
 */
import PDFDocument from 'pdfkit';
import type { statsTrends } from '../../app/stats/breakdowns';
import type { statsSummary } from '../../app/stats/summary';

type Summary = Awaited<ReturnType<typeof statsSummary>>;
type Trends = Awaited<ReturnType<typeof statsTrends>>;

const show = (v: number | null | undefined, suffix = '') =>
  v === null || v === undefined ? '-' : `${v}${suffix}`;

/** The rows of the indicator table, also used by tests to compare with the API. */
export function evaluationLines(s: Summary): Array<[string, string]> {
  const i = s.indicators;
  return [
    ['Diterima (received)', show(i.received)],
    ['Selesai (resolved)', show(i.resolved)],
    ['Dalam proses (in process)', show(i.inProcess)],
    ['Belum ditindaklanjuti (not followed up)', show(i.notFollowedUp)],
    ['Tertunda (on hold)', show(i.onHold)],
    ['Arsip (archived)', show(i.archived)],
    ['Tingkat penyelesaian (completion rate)', show(i.completionRate, ' %')],
    ['Tingkat tindak lanjut (follow-up rate)', show(i.followUpRate, ' %')],
    ['Rata-rata laju tindak lanjut (working days)', show(i.averageFollowUpSpeed)],
    ['Terlambat saat ini (overdue now)', show(i.overdueNow)],
    ['Dibuka kembali (reopen rate)', show(i.reopenRate, ' %')],
    ['Rata-rata penilaian (mean rating)', show(i.meanRating)],
    ['Predikat (grade)', s.grade ? s.grade.label : '-'],
  ];
}

/** Renders the evaluation report. */
export function evaluationPdf(s: Summary, trends: Trends, producedAt: Date): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Evaluasi ${s.scope.name}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  doc.fontSize(16).text('Laporan Evaluasi Pengelolaan Pengaduan');
  doc.fontSize(12).text(s.scope.name);
  doc.fontSize(10).text(`Periode (tanggal disposisi): ${s.period.from} s.d. ${s.period.to}`);
  doc.text(`Dibuat: ${producedAt.toISOString()} - Pintu`);
  doc.moveDown();
  doc.fontSize(12).text('Indikator');
  doc.fontSize(10);
  for (const [label, value] of evaluationLines(s)) doc.text(`${label}: ${value}`);
  doc.moveDown();
  doc.fontSize(12).text('Kepatuhan SLA per tahap');
  doc.fontSize(10);
  for (const c of s.indicators.slaCompliance)
    doc.text(`${c.stage}: tepat waktu ${c.met}, terlambat ${c.breached}, kepatuhan ${show(c.rate, ' %')}`);
  doc.moveDown();
  doc.fontSize(12).text('Umur tunggakan (hari kalender sejak disposisi)');
  doc.fontSize(10);
  for (const b of s.indicators.backlogAge) doc.text(`${b.bucket}: ${b.count}`);
  doc.moveDown();
  doc.fontSize(12).text('Tren bulanan');
  doc.fontSize(10);
  for (const m of trends.items)
    doc.text(
      `${m.month}: diterima ${m.received}, selesai ${m.resolved}, penyelesaian ${show(m.completionRate, ' %')}`,
    );
  if (s.activity) {
    doc.moveDown();
    doc.fontSize(12).text('Aktivitas petugas (peran / tindakan / jumlah)');
    doc.fontSize(10);
    for (const a of s.activity.staffActivity) doc.text(`${a.role} / ${a.action}: ${a.count}`);
    doc.text(`Tindak lanjut berulang (boilerplate): ${s.activity.boilerplateFollowUps}`);
    doc.moveDown();
    doc.fontSize(12).text('Diteruskan sebagai bukan wewenang (hari kerja ditahan)');
    doc.fontSize(10);
    for (const f of s.activity.forwards)
      doc.text(
        `${f.name}: ${f.forwards} laporan, ${f.heldWorkingDays} hari kerja (rata-rata ${f.averageHeldDays})`,
      );
  }
  doc.moveDown();
  doc.fontSize(12).text('Instansi');
  doc
    .fontSize(10)
    .text(
      `Jumlah ${s.institutions.total}, terhubung (SK) ${s.institutions.connected}, aktif ${s.institutions.active}`,
    );
  doc.end();
  return done;
}
