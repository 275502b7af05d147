/** A valid filing for the use-case tier's intake tests (Samarinda's roads, a named reporter). */
import type { ReportFiling } from '../../src/app/reports/file-report';

export const sampleFiling = (over: Partial<ReportFiling> = {}): ReportFiling => ({
  type: 'complaint',
  title: 'Jalan berlubang di Jalan Juanda',
  body: 'Lubang besar di tengah jalan membahayakan pengendara motor setiap malam.',
  incidentDate: '2024-06-01',
  location: { regionCode: '64.72.01' },
  categoryId: 11,
  isAnonymous: false,
  isConfidential: false,
  attachmentIds: [],
  reporter: { name: 'Siti Aminah', email: 'siti@example.id' },
  language: 'id',
  ...over,
});
