/**
 * What an SMS filing names by code (docs/sms.md): a region (`#64.72`), whose government's queue it goes to, an
 * institution (`@pemda-64.72`), and the channel's configured category. One round trip each, by exact code.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { regionalGovernmentCode } from './seed/institutions';

export interface SmsInstitution {
  id: number;
  name: string;
  regionCode: string | null;
}

export interface SmsReferences {
  /**
   * A region by code, with the active government of the regency/city it lies in (or of the province, for a
   * province's code); null when there is no such region.
   */
  region(code: string): Promise<{ code: string; government: SmsInstitution | null } | null>;
  /** An active institution or unit by code (case ignored), or null. */
  institution(code: string): Promise<SmsInstitution | null>;
  /** A category's id by code, or null. */
  categoryId(code: string): Promise<number | null>;
}

const institutionOf = (row: Record<string, unknown> | undefined): SmsInstitution | null =>
  row?.id == null
    ? null
    : {
        id: Number(row.id),
        name: String(row.name),
        regionCode: row.regionCode == null ? null : String(row.regionCode),
      };

export function postgresSmsReferences(db: Db): SmsReferences {
  return {
    async region(code) {
      // A district (64.72.01) or village (64.72.01.1001) belongs to its regency's government (64.72).
      const government = regionalGovernmentCode(code.length > 5 ? code.slice(0, 5) : code);
      const res = await db.execute(sql`
        select r.code, i.id, i.name, i.region_code as "regionCode"
        from regions r left join institutions i on i.code = ${government} and i.active
        where r.code = ${code}`);
      const row = res.rows[0] as Record<string, unknown> | undefined;
      return row ? { code: String(row.code), government: institutionOf(row) } : null;
    },
    async institution(code) {
      const res = await db.execute(sql`
        select id, name, region_code as "regionCode" from institutions
        where lower(code) = ${code.toLowerCase()} and active limit 1`);
      return institutionOf(res.rows[0] as Record<string, unknown> | undefined);
    },
    async categoryId(code) {
      const res = await db.execute(sql`select id from categories where code = ${code}`);
      const row = res.rows[0] as { id: number } | undefined;
      return row ? Number(row.id) : null;
    },
  };
}
