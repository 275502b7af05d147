/**
 * What the Open311 GeoReport v2 endpoint reads (issue 14, docs/open311.md): services are the categories, requests
 * are the reports the public may see, and the regions a location is matched against. Confidential reports and
 * statistics copies (federation, no text) are never rows of this port.
 */

/** A category as a GeoReport service. */
export interface Open311Service {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  /** The topic a subtopic belongs to; null for a topic. */
  parentName: string | null;
  parentNameEn: string | null;
}

/** A report as the public may see it, with what a GeoReport request needs. */
export interface Open311Request {
  trackingId: string;
  status: string;
  title: string;
  body: string;
  serviceCode: string;
  serviceName: string;
  /** The holder; null while in the national queue. */
  holderName: string | null;
  holderTimeZone: string | null;
  /** The public region: the regency (or the province when the report names only that), never finer. */
  publicRegionCode: string;
  publicRegionName: string | null;
  provinceName: string | null;
  lat: number | null;
  lng: number | null;
  createdAt: Date;
  updatedAt: Date;
  /** When it was last resolved or archived; null while open. */
  closedAt: Date | null;
  dueAt: Date | null;
  /** The latest published follow-up (the public timeline shows it). */
  followUp: string | null;
  /** The archive reason code of an archived report. */
  archiveReason: string | null;
  /** The first image attachment, public with the report. */
  imageId: string | null;
}

/** A query of requests: `trackingIds` overrides every other filter (GeoReport v2, GET Service Requests). */
export type Open311RequestQuery =
  | { trackingIds: string[]; limit: number }
  | {
      categoryIds?: number[] | undefined;
      statuses?: readonly string[] | undefined;
      /** requested_datetime (created_at) from, inclusive. */
      from: Date;
      /** requested_datetime to, inclusive. */
      to: Date;
      limit: number;
    };

/** A Kemendagri region: level 1 province, 2 regency/city, 3 district, 4 village. */
export interface RegionEntry {
  code: string;
  name: string;
  level: number;
}

export interface Open311Store {
  /** Every category, topics first, each topic followed by its subtopics in their sort order. */
  services(): Promise<Open311Service[]>;
  /** Public requests, newest first, at most `limit`. */
  requests(query: Open311RequestQuery): Promise<Open311Request[]>;
  region(code: string): Promise<RegionEntry | null>;
  /** The provinces and regencies/cities: what an address is matched against first. */
  upperRegions(): Promise<RegionEntry[]>;
  /** The regions directly under `code` (a regency's districts, a district's villages). */
  regionsUnder(code: string): Promise<RegionEntry[]>;
}
