/**
 * A region or a category from what a person wrote instead of picking it (the e-mail channel's `Wilayah:` and
 * `Kategori:` lines): a code, or an exact name, case aside. Several matches are reported, never guessed between.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './open';

type Lookup<T> = { kind: 'found'; value: T } | { kind: 'ambiguous'; names: string[] } | { kind: 'unknown' };

// Kemendagri codes: province 64, regency/city 64.72, district 64.72.01, village 64.72.01.1001.
const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

function oneOf<T extends { name: string }>(rows: T[]): Lookup<T> {
  if (rows.length === 1) return { kind: 'found', value: rows[0]! };
  if (rows.length > 1) return { kind: 'ambiguous', names: rows.map((r) => r.name) };
  return { kind: 'unknown' };
}

/** The lookups over PostgreSQL. */
export function postgresReferenceLookup(db: Db) {
  return {
    /** By code (any level), or a province's or regency's/city's name, with or without "Kota"/"Kabupaten". */
    async region(text: string): Promise<Lookup<{ code: string; name: string }>> {
      const t = text.trim().replace(/\s+/g, ' ');
      if (REGION_CODE.test(t)) {
        const res = await db.execute(sql`select code, name from regions where code = ${t}`);
        return oneOf(res.rows as { code: string; name: string }[]);
      }
      const name = t.replace(/^provinsi\s+/i, '').toLowerCase();
      const res = await db.execute(sql`
        select code, name, lower(name) = ${name} as exact from regions
        where level <= 2 and lower(name) in (${name}, ${`kota ${name}`}, ${`kabupaten ${name}`})
        order by level, code limit 5`);
      const rows = res.rows as { code: string; name: string; exact: boolean }[];
      // "Kota Bogor" is one region even though "Bogor" is two.
      const exact = rows.filter((r) => r.exact);
      return oneOf((exact.length ? exact : rows).map(({ code, name }) => ({ code, name })));
    },

    /** By code (e.g. `infrastruktur.jalan-kabupaten`) or its Indonesian or English name. */
    async category(text: string): Promise<Lookup<{ id: number; name: string }>> {
      const t = text.trim().replace(/\s+/g, ' ').toLowerCase();
      const res = await db.execute(sql`
        select id, name, lower(code) = ${t} as "byCode" from categories
        where lower(code) = ${t} or lower(name) = ${t} or lower(name_en) = ${t}
        order by id limit 5`);
      const rows = res.rows as { id: number; name: string; byCode: boolean }[];
      // A code is unique: it wins over names that happen to match too.
      const byCode = rows.filter((r) => r.byCode);
      return oneOf((byCode.length ? byCode : rows).map((r) => ({ id: Number(r.id), name: r.name })));
    },
  };
}
