/**
 * Institutions across the federation's boundary (ADR 0013): events and states name institutions by id, and ids are
 * hashed into the chain, so an id must mean the same institution on both sides. The reference tree is loaded alike
 * everywhere; units an instance's admins create get ids from that instance's own range (a regional instance starts
 * at its province code × 10⁷), and every message describes each institution it names, so the receiver learns a
 * peer's units the first time a report reaches them — and refuses a message whose id means another institution.
 */
import { sql } from 'drizzle-orm';
import { RefusedMessage } from './federation-refusal';
import type { Db } from './open';

/** What a receiver needs to hold a peer's institution: enough to show it and to place it in the tree. */
export interface InstitutionDescriptor {
  code: string;
  parentId: number | null;
  depth: number;
  kind: string;
  name: string;
  regionCode: string | null;
  timeZone: string;
}

/** `{ id: descriptor }` of institutions `ids`. */
export async function institutionDescriptors(
  tx: Db,
  ids: number[],
): Promise<Record<string, InstitutionDescriptor>> {
  if (!ids.length) return {};
  const res =
    await tx.execute(sql`select id, code, parent_id as "parentId", cardinality(path) as depth, kind, name,
      region_code as "regionCode", time_zone as "timeZone"
    from institutions where id = any(${`{${ids.join(',')}}`}::int[])`);
  return Object.fromEntries(
    res.rows.map((r) => [
      String(r.id),
      {
        code: String(r.code),
        parentId: r.parentId === null ? null : Number(r.parentId),
        depth: Number(r.depth),
        kind: String(r.kind),
        name: String(r.name),
        regionCode: r.regionCode === null ? null : String(r.regionCode),
        timeZone: String(r.timeZone),
      },
    ]),
  );
}

/**
 * Makes every described institution exist here with the same id and code: a known one must match, an unknown one
 * (a peer's unit) is added under its parent, ancestors first. Anything else refuses the message.
 */
export async function ensureInstitutions(
  tx: Db,
  described: Record<string, InstitutionDescriptor | string>,
): Promise<void> {
  const entries = Object.entries(described).map(([id, d]) => [Number(id), d] as const);
  if (!entries.length) return;
  const res = await tx.execute(sql`select id, code from institutions
    where id = any(${`{${entries.map(([id]) => id).join(',')}}`}::int[])`);
  const here = new Map(res.rows.map((r) => [Number(r.id), String(r.code)]));
  // A string is an older sender's bare code: it can be checked, not added.
  const depthOf = (d: InstitutionDescriptor | string) => (typeof d === 'string' ? 0 : d.depth);
  for (const [id, d] of [...entries].sort((a, b) => depthOf(a[1]) - depthOf(b[1]))) {
    const code = typeof d === 'string' ? d : d.code;
    const known = here.get(id);
    if (known === code) continue;
    if (known !== undefined || typeof d === 'string')
      throw new RefusedMessage(
        `reference data differs: institution ${id} is ${code} there, ${known ?? 'unknown'} here`,
      );
    const taken = await tx.execute(sql`select id from institutions where code = ${code}`);
    if (taken.rows.length)
      throw new RefusedMessage(
        `reference data differs: ${code} has id ${taken.rows[0]!.id} here, ${id} there`,
      );
    if (d.parentId !== null && !here.has(d.parentId))
      throw new RefusedMessage(`institution ${id} (${code}) names a parent ${d.parentId} unknown here`);
    await tx.execute(sql`insert into institutions (id, parent_id, path, code, kind, name, region_code, time_zone,
        active, created_at)
      select ${id}, ${d.parentId},
        coalesce((select path from institutions where id = ${d.parentId}), '{}'::int[]) || ${id}::int,
        ${code}, ${d.kind}, ${d.name}, ${d.regionCode}, ${d.timeZone}, true, now()`);
    here.set(id, code);
  }
}

/**
 * Gives this instance its own range of ids for the institutions its admins create: a regional instance (one that
 * handles a province's institutions) starts at the province code × 10⁷, so its units never take an id the national
 * instance, or another province, gives to one of theirs.
 */
export async function claimInstitutionIdRange(tx: Db, handles: readonly string[]): Promise<void> {
  const province = handles.map((h) => /^(?:pemprov|pemda)-(\d{2})\b/.exec(h)?.[1]).find(Boolean);
  if (!province) return;
  const start = Number(province) * 10_000_000;
  // Institutions are never deleted (deactivated), so the highest id is as far as the sequence has been.
  await tx.execute(sql`select setval(pg_get_serial_sequence('institutions', 'id'),
    greatest(${start}, (select max(id) from institutions)))`);
}
