/** In-memory ports of intake: reports (references as data), attachments, blobs, citizen data. No database. */
import type {
  Attachments,
  Blobs,
  CheckedInstitution,
  CitizenData,
  FirstEvent,
  KeyedAnswer,
  NewAttachment,
  NewReportRow,
  ReferenceCheck,
  ReferenceQuery,
  ReportRecord,
  Reports,
} from '@pintu/core';

export interface FakeReference {
  regions: Set<string>;
  categories: Set<number>;
  institutions: Map<number, CheckedInstitution>;
  /** Uploaded attachments not yet claimed by a report. */
  freeAttachments: Set<string>;
}

export interface FakeReports extends Reports {
  saved: { report: NewReportRow; first: FirstEvent; attachmentIds: string[] }[];
  /** How many round trips a real database would have made. */
  trips: number;
  /** Idempotency-Key answers stored with their filings, by `scope key`. */
  keys: Map<string, KeyedAnswer>;
}

/** The reports port over in-memory reference data; saved reports are kept in `saved`. */
export function fakeReports(ref: FakeReference): FakeReports {
  const check = (q: ReferenceQuery): ReferenceCheck => ({
    regionExists: ref.regions.has(q.regionCode),
    categoryExists: ref.categories.has(q.categoryId),
    institution: q.institutionId === undefined ? null : (ref.institutions.get(q.institutionId) ?? null),
    freeAttachmentIds: q.attachmentIds.filter((id) => ref.freeAttachments.has(id)),
  });
  const queryOf = (r: NewReportRow, attachmentIds: string[]): ReferenceQuery => ({
    regionCode: r.regionCode,
    categoryId: r.categoryId,
    institutionId: r.requestedInstitutionId ?? undefined,
    attachmentIds,
  });
  /** As the statement does: the key's answer is stored with the report, or — the key taken — neither is. */
  const claimKey = (keyed: KeyedAnswer | undefined) => {
    if (!keyed) return true;
    const id = `${keyed.lease.scope} ${keyed.lease.key}`;
    if (port.keys.has(id)) return false;
    port.keys.set(id, keyed);
    return true;
  };
  const port: FakeReports = {
    saved: [],
    trips: 0,
    keys: new Map(),
    async checkReferences(q) {
      port.trips++;
      return check(q);
    },
    async fileIfValid(report, first, presumed, keyed) {
      port.trips++;
      const found = check(queryOf(report, []));
      const same = JSON.stringify(found.institution) === JSON.stringify(presumed);
      if (!found.regionExists || !found.categoryExists || !same) return { ref: found, id: null };
      if (!claimKey(keyed)) return { ref: found, id: null, conflict: 'idempotency_key' };
      port.saved.push({ report, first, attachmentIds: [] });
      return { ref: found, id: port.saved.length };
    },
    async insert(report, first, attachmentIds, keyed) {
      port.trips++;
      if (attachmentIds.some((id) => !ref.freeAttachments.has(id))) return { conflict: 'attachments' };
      if (!claimKey(keyed)) return { conflict: 'idempotency_key' };
      for (const id of attachmentIds) ref.freeAttachments.delete(id);
      port.saved.push({ report, first, attachmentIds });
      return { id: port.saved.length };
    },
    async find(trackingId) {
      const s = port.saved.find((x) => x.report.trackingId === trackingId.toUpperCase());
      return s ? recordOf(s.report, port.saved.indexOf(s) + 1) : null;
    },
    async findAttachment() {
      return null;
    },
  };
  return port;
}

function recordOf(r: NewReportRow, id: number): ReportRecord {
  return {
    id,
    trackingId: r.trackingId,
    type: r.type,
    title: r.title,
    body: r.body,
    incidentDate: r.incidentDate,
    regionCode: r.regionCode,
    regionName: null,
    publicRegionCode: r.regionCode.slice(0, 5),
    publicRegionName: null,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    categoryId: r.categoryId,
    categoryName: null,
    categoryCode: null,
    institutionId: r.institutionId,
    institutionName: null,
    status: r.status,
    dueAt: r.dueAt?.toISOString() ?? null,
    isAnonymous: r.isAnonymous,
    isConfidential: r.isConfidential,
    reporterSealed: r.reporterSealed,
    accessCodeHash: r.accessCodeHash,
    createdAt: r.createdAt.toISOString(),
    attachments: [],
  };
}

/** Attachment records in memory. */
export function fakeAttachments(): Attachments & { records: NewAttachment[] } {
  const records: NewAttachment[] = [];
  return {
    records,
    async record(a) {
      records.push(a);
    },
  };
}

/** Blobs in memory. */
export function fakeBlobs(): Blobs & { stored: Map<string, Uint8Array> } {
  const stored = new Map<string, Uint8Array>();
  return {
    stored,
    async put(key, bytes) {
      if (stored.has(key)) throw new Error(`blob ${key} exists`);
      stored.set(key, bytes);
    },
    async get(key) {
      return stored.get(key) ?? null;
    },
    async remove(key) {
      stored.delete(key);
    },
  };
}

/** A citizen's data in memory: one account, its password hash and its reports' ids. */
export function fakeCitizenData(account: {
  userId: string;
  passwordHash: string | null;
  reports: string[];
}): CitizenData & { erased: boolean } {
  const port = {
    erased: false,
    async myReports() {
      return [];
    },
    async reportDetail() {
      return null;
    },
    async accountCreatedAt() {
      return null;
    },
    async notifications() {
      return [];
    },
    async passwordHash(userId: string) {
      return !port.erased && userId === account.userId ? account.passwordHash : null;
    },
    async erase({ userId }: { userId: string }) {
      if (userId !== account.userId) return 0;
      port.erased = true;
      return account.reports.length;
    },
  };
  return port;
}
