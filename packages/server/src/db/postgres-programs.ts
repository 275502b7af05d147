/**
 * Program channels over PostgreSQL (issue 15): configurations, the handler a level's rule names for a village (a
 * village unit created on first use), and the references a configuration names. The grievance's write and the
 * queue/report reads are in postgres-program-reports.ts.
 */
import type {
  CheckedInstitution,
  ProgramConfig,
  ProgramGrant,
  ProgramHandlerRule,
  ProgramLevel,
  Programs,
  Role,
  StoredProgram,
} from '@pintu/core';
import { regionAncestor } from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';
import { textArrayLiteral } from './pg-arrays';
import { insertGrievance, programQueue, programReportRows } from './postgres-program-reports';
import { checkedInstitutionOf, json, num, type Row, str, strOrNull } from './report-rows';

const SELECT_PROGRAM = sql`select p.id, p.code, p.name, p.name_en as "nameEn", p.description,
    p.area_region_codes as "areaRegionCodes", p.categories, p.fields, p.levels,
    p.counts_in_evaluation as "countsInEvaluation", p.active, p.source, p.created_at as "createdAt",
    p.updated_at as "updatedAt", o.id as "ownerId", o.code as "ownerCode", o.name as "ownerName",
    o.path as "ownerPath", o.region_code as "ownerRegionCode", o.time_zone as "ownerTimeZone"
  from programs p join institutions o on o.id = p.owner_institution_id`;

function programOf(r: Row): StoredProgram {
  return {
    id: num(r.id),
    code: str(r.code),
    name: str(r.name),
    nameEn: strOrNull(r.nameEn),
    description: strOrNull(r.description),
    ownerCode: str(r.ownerCode),
    areaRegionCodes: (r.areaRegionCodes as unknown[]).map(str),
    categories: json(r.categories) as StoredProgram['categories'],
    fields: json(r.fields) as StoredProgram['fields'],
    levels: json(r.levels) as StoredProgram['levels'],
    countsInEvaluation: r.countsInEvaluation === true,
    active: r.active === true,
    source: strOrNull(r.source),
    owner: {
      id: num(r.ownerId),
      code: str(r.ownerCode),
      name: str(r.ownerName),
      path: (r.ownerPath as unknown[]).map(num),
      regionCode: strOrNull(r.ownerRegionCode),
      timeZone: str(r.ownerTimeZone),
    },
    createdAt: new Date(String(r.createdAt)),
    updatedAt: new Date(String(r.updatedAt)),
  };
}

async function select(db: Db, where: SQL): Promise<StoredProgram[]> {
  const res = await db.execute(sql`${SELECT_PROGRAM} where ${where} order by p.name`);
  return (res.rows as Row[]).map(programOf);
}

const INSTITUTION_JSON = sql`json_build_object('id', i.id, 'name', i.name, 'timeZone', i.time_zone,
  'regionCode', i.region_code, 'active', i.active, 'path', i.path)`;

async function institutionByCode(db: Db, code: string): Promise<CheckedInstitution | null> {
  const res = await db.execute(
    sql`select ${INSTITUTION_JSON} as i from institutions i where i.code = ${code}`,
  );
  return checkedInstitutionOf((res.rows[0] as Row | undefined)?.i);
}

/**
 * The unit "Pemerintah Desa/Kelurahan <name>" of a village under its regency/city government (domain.md §3), made
 * the first time a program needs it: time zone and path from the parent, the village's own region code.
 */
async function villageUnit(db: Db, villageCode: string): Promise<CheckedInstitution | null> {
  const code = `desa-${villageCode}`;
  const found = await institutionByCode(db, code);
  if (found) return found;
  const parent = `pemda-${regionAncestor(villageCode, 'regency')}`;
  await db.execute(sql`insert into institutions (parent_id, path, code, kind, name, region_code, time_zone)
    select p.id, p.path, ${code}, 'unit', 'Pemerintah Desa/Kelurahan ' || g.name, g.code, p.time_zone
    from institutions p join regions g on g.code = ${villageCode} and g.level = 4
    where p.code = ${parent}
    on conflict (code) do nothing`);
  await db.execute(sql`update institutions set path = array_append(path, id)
    where code = ${code} and not (id = any(path))`);
  return institutionByCode(db, code);
}

/** The institution a level's rule names for a village. */
function handlerFor(
  db: Db,
  level: ProgramLevel,
  rule: ProgramHandlerRule,
  villageCode: string,
): Promise<CheckedInstitution | null> {
  if (rule.kind === 'institution') return institutionByCode(db, rule.code);
  if (rule.kind === 'village_unit') return villageUnit(db, villageCode);
  // The regional government of the village at this level: its regency/city's (pemda-64.72) or province's (pemprov-64).
  return level === 'province'
    ? institutionByCode(db, `pemprov-${regionAncestor(villageCode, 'province')}`)
    : institutionByCode(db, `pemda-${regionAncestor(villageCode, 'regency')}`);
}

const configValues = (c: ProgramConfig) => ({
  name: c.name,
  nameEn: c.nameEn,
  description: c.description,
  area: textArrayLiteral(c.areaRegionCodes),
  categories: JSON.stringify(c.categories),
  fields: JSON.stringify(c.fields),
  levels: JSON.stringify(c.levels),
});

/** The programs port over one database handle. */
export function postgresPrograms(db: Db): Programs {
  return {
    find: async (code) => (await select(db, sql`p.code = ${code}`))[0] ?? null,
    async grievanceOf(reportId) {
      const res = await db.execute(sql`select program_id as "programId", region_code as "regionCode"
        from reports where id = ${reportId} and program_id is not null`);
      const r = res.rows[0] as Row | undefined;
      if (!r) return null;
      const program = (await select(db, sql`p.id = ${num(r.programId)}`))[0];
      return program ? { program, regionCode: str(r.regionCode) } : null;
    },
    list: ({ activeOnly }) => select(db, activeOnly ? sql`p.active` : sql`true`),
    covering: (regionCode) =>
      select(
        db,
        sql`p.active and exists (select 1 from unnest(p.area_region_codes) c
          where ${regionCode} = c or ${regionCode} like c || '.%')`,
      ),
    async references(config) {
      const ids = config.categories.map((c) => c.categoryId).filter(Number.isInteger);
      const codes = config.levels.flatMap((l) => (l.handler?.kind === 'institution' ? [l.handler.code] : []));
      const res = await db.execute(sql`select
        (select json_build_object('id', id, 'code', code, 'path', path, 'regionCode', region_code)
           from institutions where code = ${config.ownerCode}) as owner,
        coalesce((select json_agg(code) from regions
           where code = any(${textArrayLiteral(config.areaRegionCodes)}::text[])), '[]') as regions,
        coalesce((select json_agg(id) from categories where id = any(${`{${ids.join(',')}}`}::int[])), '[]') as cats,
        coalesce((select json_agg(code) from institutions
           where code = any(${textArrayLiteral(codes)}::text[]) and active), '[]') as insts`);
      const r = res.rows[0] as Row;
      const owner = json(r.owner) as Row | null;
      return {
        ownerExists: owner !== null,
        owner: owner && {
          id: num(owner.id),
          code: str(owner.code),
          path: (owner.path as unknown[]).map(num),
          regionCode: strOrNull(owner.regionCode),
        },
        regionCodes: new Set((json(r.regions) as unknown[]).map(str)),
        categoryIds: new Set((json(r.cats) as unknown[]).map(num)),
        institutionCodes: new Set((json(r.insts) as unknown[]).map(str)),
      };
    },
    async grantsOf(grants) {
      const ids = grants.flatMap((g) => (g.institutionId === null ? [] : [g.institutionId]));
      const res = await db.execute(sql`select id, kind, region_code as "regionCode", path from institutions
        where id = any(${`{${ids.join(',')}}`}::int[])`);
      const byId = new Map((res.rows as Row[]).map((r) => [num(r.id), r]));
      return grants.map((g): ProgramGrant => {
        const r = g.institutionId === null ? undefined : byId.get(g.institutionId);
        return {
          role: g.role as Role,
          institution: r
            ? {
                id: num(r.id),
                kind: str(r.kind),
                regionCode: strOrNull(r.regionCode),
                path: (r.path as unknown[]).map(num),
              }
            : null,
        };
      });
    },
    async create(config, ownerId, by, now) {
      const v = configValues(config);
      const res = await db.execute(sql`insert into programs (code, name, name_en, description,
          owner_institution_id, area_region_codes, categories, fields, levels, counts_in_evaluation, active, source,
          created_at, updated_at, created_by)
        values (${config.code}, ${v.name}, ${v.nameEn}, ${v.description}, ${ownerId}, ${v.area}::text[],
          ${v.categories}::jsonb, ${v.fields}::jsonb, ${v.levels}::jsonb, ${config.countsInEvaluation},
          ${config.active}, ${config.source}, ${now.toISOString()}, ${now.toISOString()}, ${by})
        on conflict (code) do nothing returning id`);
      return res.rows.length > 0;
    },
    async update(code, config, ownerId, now) {
      const v = configValues(config);
      const res = await db.execute(sql`update programs set name = ${v.name}, name_en = ${v.nameEn},
          description = ${v.description}, owner_institution_id = ${ownerId}, area_region_codes = ${v.area}::text[],
          categories = ${v.categories}::jsonb, fields = ${v.fields}::jsonb, levels = ${v.levels}::jsonb,
          counts_in_evaluation = ${config.countsInEvaluation}, active = ${config.active}, source = ${config.source},
          updated_at = ${now.toISOString()}
        where code = ${code} returning id`);
      return res.rows.length > 0;
    },
    handlerFor: (level, rule, villageCode) => handlerFor(db, level, rule, villageCode),
    insertGrievance: (report, first, attachmentIds, program, gender, keyed, gate) =>
      insertGrievance(db, report, first, attachmentIds, program, gender, keyed, gate),
    queue: (programId, view, query) => programQueue(db, programId, view, query),
    reportRows: (programId, view, period, facilitatorId) =>
      programReportRows(db, programId, view, period, facilitatorId),
  };
}
