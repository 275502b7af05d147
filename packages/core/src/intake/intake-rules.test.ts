import { describe, expect, it } from 'vitest';
import { attachmentFilename, attachmentKindOf, attachmentSizeError } from './attachment-rules';
import { intakeErrors, referenceErrors } from './intake-rules';

const valid = {
  incidentDate: '2024-06-01',
  location: { lat: -0.5, lng: 117.15 },
  isAnonymous: false,
  reporter: { name: 'Siti' },
  attachmentIds: ['a', 'b'],
};
const fields = (input: Parameters<typeof intakeErrors>[0], now = new Date('2024-06-03T02:00:00Z')) =>
  intakeErrors(input, now).map((e) => `${e.field}:${e.code}`);

describe('intakeErrors', () => {
  it('accepts a valid filing', () => expect(fields(valid)).toEqual([]));

  it('refuses an incident after today in WIT, the zone furthest ahead', () => {
    // 16:00 UTC on 3 June is already 4 June in Jayapura (UTC+9), not yet in Jakarta.
    const now = new Date('2024-06-03T16:00:00Z');
    expect(fields({ ...valid, incidentDate: '2024-06-04' }, now)).toEqual([]);
    expect(fields({ ...valid, incidentDate: '2024-06-05' }, now)).toEqual(['incidentDate:future']);
  });

  it('refuses a date before independence', () =>
    expect(fields({ ...valid, incidentDate: '1945-08-16' })).toEqual(['incidentDate:too_old']));

  it('wants lat and lng together, inside Indonesia', () => {
    expect(fields({ ...valid, location: { lat: -0.5 } })).toEqual(['location.lng:pair']);
    expect(fields({ ...valid, location: { lng: 117 } })).toEqual(['location.lat:pair']);
    expect(fields({ ...valid, location: { lat: 48.85, lng: 2.35 } })).toEqual([
      'location.lat:outside_indonesia',
    ]);
    expect(fields({ ...valid, location: {} })).toEqual([]);
  });

  it('wants a name unless anonymous', () => {
    expect(fields({ ...valid, reporter: undefined })).toEqual(['reporter.name:required']);
    expect(fields({ ...valid, reporter: undefined, isAnonymous: true })).toEqual([]);
  });

  it('refuses the same attachment twice and more than the limit', () => {
    expect(fields({ ...valid, attachmentIds: ['a', 'a'] })).toEqual(['attachmentIds:duplicate']);
    expect(fields({ ...valid, attachmentIds: ['1', '2', '3', '4', '5', '6'] })).toEqual([
      'attachmentIds:too_big',
    ]);
  });
});

describe('referenceErrors', () => {
  const found = { regionExists: true, categoryExists: true, institution: null, freeAttachmentIds: ['a'] };
  it('names each unknown reference', () => {
    const errors = referenceErrors(
      { institutionId: 7, attachmentIds: ['a', 'b'] },
      { ...found, regionExists: false, categoryExists: false },
    );
    expect(errors.map((e) => e.field)).toEqual([
      'location.regionCode',
      'categoryId',
      'institutionId',
      'attachmentIds.1',
    ]);
  });
  it('refuses an inactive institution, accepts none requested', () => {
    expect(
      referenceErrors({ institutionId: 7, attachmentIds: [] }, { ...found, institution: { active: false } }),
    ).toHaveLength(1);
    expect(referenceErrors({ attachmentIds: ['a'] }, found)).toEqual([]);
  });
});

describe('attachment rules', () => {
  it('accepts images, PDFs and videos only', () => {
    expect(attachmentKindOf('image/png')).toBe('image');
    expect(attachmentKindOf('application/pdf')).toBe('pdf');
    expect(attachmentKindOf('video/mp4')).toBe('video');
    expect(attachmentKindOf('application/x-msdownload')).toBeUndefined();
    expect(attachmentKindOf('toString')).toBeUndefined();
  });
  it('refuses empty and oversized files', () => {
    expect(attachmentSizeError(1)).toBeNull();
    expect(attachmentSizeError(10 * 1024 * 1024)).toBeNull();
    expect(attachmentSizeError(10 * 1024 * 1024 + 1)?.code).toBe('TOO_LARGE');
    expect(attachmentSizeError(0)?.fields?.[0]).toMatchObject({ field: 'file', code: 'empty' });
  });
  it('keeps a harmless file name', () => {
    expect(attachmentFilename('foto jalan.jpg', 'jpg')).toBe('foto jalan.jpg');
    expect(attachmentFilename('../../etc/passwd', 'pdf')).toBe('.._.._etc_passwd');
    expect(attachmentFilename('', 'png')).toBe('berkas.png');
    expect(attachmentFilename('a'.repeat(200), 'png')).toHaveLength(120);
  });
});
