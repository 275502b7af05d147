/**
 * The reference programs (issue 15): the FCPF Carbon Fund's emission reductions program in East Kalimantan, a real
 * program, with the facts we could cite. What we could not confirm — its grievance mechanism's own categories and
 * deadlines, the list of beneficiary villages — is Pintu's default and says so in `source` (docs/programs.md).
 */
import type { ProgramConfig } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../open';
import { textArrayLiteral } from '../pg-arrays';

/** National category codes of the program's categories (resolved to ids when seeding). */
const CATEGORIES: { code: string; name: string; nameEn: string; national: string }[] = [
  { code: 'pembagian-manfaat', name: 'Pembagian manfaat', nameEn: 'Benefit sharing', national: 'lingkungan' },
  {
    code: 'lahan-tenurial',
    name: 'Lahan dan hak atas tanah',
    nameEn: 'Land and tenure',
    national: 'pertanahan.sengketa',
  },
  {
    code: 'hutan-lingkungan',
    name: 'Hutan dan lingkungan',
    nameEn: 'Forest and environment',
    national: 'lingkungan.kawasan-hutan',
  },
  {
    code: 'pelaksanaan-program',
    name: 'Pelaksanaan kegiatan program',
    nameEn: 'Program activities',
    national: 'lingkungan',
  },
  { code: 'lainnya', name: 'Lainnya', nameEn: 'Other', national: 'lingkungan' },
];

// §5 of domain.md: 14 working days is the national follow-up deadline for a report needing no field examination.
const DEFAULT_DAYS = 14;

export const FCPF_KALTIM: Omit<ProgramConfig, 'categories'> = {
  code: 'fcpf-cf-kaltim',
  name: 'Pengaduan Program FCPF Carbon Fund Kalimantan Timur',
  nameEn: 'FCPF Carbon Fund East Kalimantan: program grievances',
  description:
    'Program Pengurangan Emisi (FCPF Carbon Fund) dilaksanakan di seluruh kabupaten/kota Provinsi Kalimantan ' +
    'Timur. Sampaikan keluhan atau masukan tentang pelaksanaan program di desa/kelurahan Anda; keluhan ditangani ' +
    'lebih dulu di desa, lalu kabupaten/kota, lalu provinsi.',
  ownerCode: 'pemprov-64',
  areaRegionCodes: ['64'],
  fields: [
    {
      key: 'atasNama',
      label: 'Disampaikan atas nama',
      labelEn: 'Filed on behalf of',
      type: 'select',
      options: ['Perorangan', 'Kelompok masyarakat', 'Masyarakat hukum adat (MHA)'],
      required: false,
    },
  ],
  levels: [
    { level: 'village', handler: { kind: 'village_unit' }, deadlineDays: DEFAULT_DAYS },
    { level: 'regency', handler: { kind: 'regional_government' }, deadlineDays: DEFAULT_DAYS },
    { level: 'province', handler: { kind: 'institution', code: 'pemprov-64' }, deadlineDays: DEFAULT_DAYS },
  ],
  countsInEvaluation: true,
  active: true,
  source:
    'Wilayah: seluruh kabupaten/kota Provinsi Kalimantan Timur (kode 64) — Bappeda Kaltim, "Pembaharuan Kemajuan ' +
    'Pelaksanaan Program FCPF Carbon Fund di Kaltim", 28-07-2021, https://bappeda.kaltimprov.go.id/postingan/' +
    'pembaharuan-kemajuan-pelaksanaan-program-fcpf-carbon-fund-di-kaltim. Penerima pembayaran di muka: 442 desa, ' +
    '25 kelurahan, 124 kelompok masyarakat termasuk 7 masyarakat hukum adat — KLHK, https://kemenlh.go.id/news/' +
    'detail/pengumuman-penjaringan-minat-keikutsertaan-dan-sosialisasi-rencana-request-for-proposal-rfp-proyek-' +
    'forest-carbon-partnership-facility-fcpf-1; daftar desa penerima tidak tersedia bagi kami, maka wilayahnya ' +
    'seluruh provinsi. Kategori, isian tambahan dan tenggat (14 hari kerja per tingkat, tenggat tindak lanjut ' +
    'nasional tanpa pemeriksaan lapangan) adalah bawaan Pintu sampai ketentuan FGRM program sendiri dimasukkan.',
};

/** Seeds the reference programs that are missing (by code); categories resolved from their national codes. */
export async function seedPrograms(db: Db): Promise<number> {
  const owner = await db.execute(sql`select id from institutions where code = ${FCPF_KALTIM.ownerCode}`);
  const ownerId = (owner.rows[0] as { id: number } | undefined)?.id;
  if (ownerId === undefined) return 0; // a trimmed reference data set may lack the province
  const codes = CATEGORIES.map((c) => c.national);
  const found = await db.execute(
    sql`select id, code from categories where code = any(${textArrayLiteral(codes)}::text[])`,
  );
  const idOf = new Map((found.rows as { id: number; code: string }[]).map((r) => [r.code, Number(r.id)]));
  const categories = CATEGORIES.flatMap((c) => {
    const categoryId = idOf.get(c.national);
    return categoryId ? [{ code: c.code, name: c.name, nameEn: c.nameEn, categoryId }] : [];
  });
  const p = FCPF_KALTIM;
  const res =
    await db.execute(sql`insert into programs (code, name, name_en, description, owner_institution_id,
      area_region_codes, categories, fields, levels, counts_in_evaluation, active, source, created_at, updated_at,
      created_by)
    values (${p.code}, ${p.name}, ${p.nameEn}, ${p.description}, ${ownerId}, ${textArrayLiteral(p.areaRegionCodes)}::text[],
      ${JSON.stringify(categories)}::jsonb, ${JSON.stringify(p.fields)}::jsonb, ${JSON.stringify(p.levels)}::jsonb,
      ${p.countsInEvaluation}, ${p.active}, ${p.source}, now(), now(), 'seed')
    on conflict (code) do nothing returning id`);
  return res.rows.length;
}
