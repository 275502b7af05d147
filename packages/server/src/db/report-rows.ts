/** Typed row mappers of the report reads: each column checked and named, never a cast of the whole row. */
import type { CheckedInstitution, ReferenceCheck, ReportRecord } from '@pintu/core';

export type Row = Record<string, unknown>;

export const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));
export const strOrNull = (v: unknown): string | null => (v == null ? null : str(v));
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
export const numOrNull = (v: unknown): number | null => (v == null ? null : num(v));
export const bool = (v: unknown): boolean => v === true || v === 't' || v === 'true';
/** A json/jsonb column: drivers parse it, but a text cast would not be. */
export const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export function checkedInstitutionOf(v: unknown): CheckedInstitution | null {
  if (v == null) return null;
  const i = json(v) as Row;
  return {
    id: num(i.id),
    name: str(i.name),
    timeZone: str(i.timeZone),
    regionCode: strOrNull(i.regionCode),
    active: bool(i.active),
    path: (i.path as unknown[]).map(num),
  };
}

export function referenceCheckOf(r: Row): ReferenceCheck {
  return {
    regionExists: bool(r.regionExists),
    categoryExists: bool(r.categoryExists),
    institution: checkedInstitutionOf(r.institution),
    freeAttachmentIds: (json(r.freeAttachmentIds) as unknown[]).map(str),
  };
}

export function reportRecordOf(r: Row): ReportRecord {
  return {
    id: num(r.id),
    trackingId: str(r.trackingId),
    type: str(r.type),
    title: str(r.title),
    body: str(r.body),
    incidentDate: str(r.incidentDate),
    regionCode: str(r.regionCode),
    regionName: strOrNull(r.regionName),
    publicRegionCode: str(r.publicRegionCode),
    publicRegionName: strOrNull(r.publicRegionName),
    address: strOrNull(r.address),
    lat: numOrNull(r.lat),
    lng: numOrNull(r.lng),
    categoryId: num(r.categoryId),
    categoryName: strOrNull(r.categoryName),
    categoryCode: strOrNull(r.categoryCode),
    institutionId: numOrNull(r.institutionId),
    institutionName: strOrNull(r.institutionName),
    status: str(r.status),
    dueAt: strOrNull(r.dueAt),
    isAnonymous: bool(r.isAnonymous),
    isConfidential: bool(r.isConfidential),
    moderationHidden: bool(r.moderationHidden),
    reporterSealed: strOrNull(r.reporterSealed),
    accessCodeHash: strOrNull(r.accessCodeHash),
    createdAt: str(r.createdAt),
    attachments: (json(r.attachments) as Row[]).map((a) => ({
      id: str(a.id),
      kind: str(a.kind),
      mime: str(a.mime),
      size: num(a.size),
      withheld: bool(a.withheld),
    })),
  };
}
