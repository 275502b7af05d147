/**
 * Demo accounts for `npm start`: a national admin, an oversight account, a citizen, a facilitator, and for Pemerintah Kota Samarinda
 * (WITA) and Pemerintah Kota Jayapura (WIT) a coordinator plus a public-works unit with its liaison officer and
 * operator. Fixed password, no first-password change; accounts that already exist are left alone.
 */
import type { Role } from '@pintu/core';
import { generateId } from 'better-auth';
import { eq, sql } from 'drizzle-orm';
import type { AuthService } from '../../auth/auth';
import { accounts, permissions, roleGrants, users } from '../auth-schema';
import type { Db } from '../open';
import { postgresPrograms } from '../postgres-programs';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'pintu-demo-2026';

/** The public-works units the demo adds under two city governments (code → parent code). */
export const DEMO_UNITS = [
  { code: 'pemda-64.72.pupr', parent: 'pemda-64.72', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
  { code: 'pemda-91.71.pupr', parent: 'pemda-91.71', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
] as const;

/** The village of the program demo: Rawa Makmur, Palaran, Kota Samarinda; its unit is the program's rule's own. */
export const PROGRAM_VILLAGE = '64.72.01.1001';
const PROGRAM_VILLAGE_UNIT = `desa-${PROGRAM_VILLAGE}`;

interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  institutionCode: string | null;
  label: string;
  permissions?: string[];
}

const ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@pintu.example',
    name: 'Admin Nasional',
    role: 'national_admin',
    institutionCode: null,
    label: 'admin nasional (boleh membuka identitas pelapor)',
    permissions: ['reveal_identity'],
  },
  {
    email: 'pengawas@pintu.example',
    name: 'Pengawas Nasional',
    role: 'oversight',
    institutionCode: null,
    label: 'pengawas (oversight), lingkup nasional',
  },
  // The citizen portal's signed-in side: "my reports", download and erase, and a facilitator filing for villagers.
  {
    email: 'warga@pintu.example',
    name: 'Warga Demo',
    role: 'citizen',
    institutionCode: null,
    label: 'warga (citizen)',
  },
  {
    email: 'pendamping@pintu.example',
    name: 'Pendamping Desa Demo',
    role: 'facilitator',
    institutionCode: null,
    label: 'pendamping (facilitator): melapor atas nama warga',
  },
  // The FCPF-CF East Kalimantan program's journey (issue 15, docs/programs.md): the village unit of Rawa Makmur
  // (Kota Samarinda) handles a grievance first, the city government next (its coordinator below, and this liaison
  // officer), the province's program admin oversees and configures.
  {
    email: 'desa.rawamakmur@pintu.example',
    name: 'Penanganan Desa Rawa Makmur',
    role: 'coordinator',
    institutionCode: PROGRAM_VILLAGE_UNIT,
    label: 'koordinator unit Desa/Kelurahan Rawa Makmur (program FCPF-CF, tingkat desa)',
  },
  {
    email: 'penghubung.rawamakmur@pintu.example',
    name: 'Penghubung Desa Rawa Makmur',
    role: 'liaison_officer',
    institutionCode: PROGRAM_VILLAGE_UNIT,
    label: 'pejabat penghubung Desa/Kelurahan Rawa Makmur (program FCPF-CF, tingkat desa)',
  },
  {
    email: 'penghubung.samarinda@pintu.example',
    name: 'Penghubung Pemerintah Kota Samarinda',
    role: 'liaison_officer',
    institutionCode: 'pemda-64.72',
    label: 'pejabat penghubung Pemerintah Kota Samarinda (program FCPF-CF, tingkat kota)',
  },
  {
    email: 'program.kaltim@pintu.example',
    name: 'Admin Program Provinsi Kalimantan Timur',
    role: 'coordinator',
    institutionCode: 'pemprov-64',
    label: 'admin Pemerintah Provinsi Kalimantan Timur: pemilik program FCPF-CF (mengatur, laporan program)',
  },
  ...(
    [
      ['samarinda', 'pemda-64.72', 'Kota Samarinda'],
      ['jayapura', 'pemda-91.71', 'Kota Jayapura'],
    ] as const
  ).flatMap(([slug, code, city]): DemoAccount[] => [
    {
      email: `koordinator.${slug}@pintu.example`,
      name: `Koordinator ${city}`,
      role: 'coordinator',
      institutionCode: code,
      label: `admin koordinator Pemerintah ${city}`,
    },
    {
      email: `pengembang.${slug}@pintu.example`,
      name: `Pengembang ${city}`,
      role: 'developer',
      institutionCode: code,
      label: `pengembang (developer): aplikasi, kunci API dan webhook Pemerintah ${city}`,
    },
    {
      email: `penghubung.pupr.${slug}@pintu.example`,
      name: `Penghubung PUPR ${city}`,
      role: 'liaison_officer',
      institutionCode: `${code}.pupr`,
      label: `pejabat penghubung Dinas PUPR ${city}`,
    },
    {
      email: `operator.pupr.${slug}@pintu.example`,
      name: `Operator PUPR ${city}`,
      role: 'unit_operator',
      institutionCode: `${code}.pupr`,
      label: `operator unit Dinas PUPR ${city}`,
    },
  ]),
];

/** Adds the demo units (kind `unit`, the parent's time zone and region, path = parent's path + own id). */
export async function ensureDemoUnits(db: Db): Promise<void> {
  // Made as a program grievance would make it (postgres-programs.ts), so the demo staff hold the very unit.
  await postgresPrograms(db).handlerFor('village', { kind: 'village_unit' }, PROGRAM_VILLAGE);
  for (const u of DEMO_UNITS) {
    await db.execute(sql`insert into institutions (parent_id, path, code, kind, name, region_code, time_zone)
      select id, path, ${u.code}, 'unit', ${u.name}, region_code, time_zone from institutions where code = ${u.parent}
      on conflict (code) do nothing`);
    await db.execute(sql`update institutions set path = array_append(path, id)
      where code = ${u.code} and not (id = any(path))`);
  }
}

/** Creates the missing demo accounts; returns every demo account with what it is, for the start-up banner. */
export async function seedDemoAccounts(
  db: Db,
  auth: AuthService,
): Promise<{ added: number; accounts: { email: string; label: string }[] }> {
  await ensureDemoUnits(db);
  const ctx = await auth.betterAuth.$context;
  let added = 0;
  for (const a of ACCOUNTS) {
    const cipher = auth.accountCipher;
    const exists = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, cipher.indexEmail(a.email)));
    if (exists.length) continue;
    const inst = a.institutionCode
      ? (await db.execute(sql`select id from institutions where code = ${a.institutionCode}`)).rows[0]
      : null;
    if (a.institutionCode && !inst) continue; // a trimmed reference data set may lack the city
    const institutionId = inst ? Number((inst as { id: number }).id) : null;
    const userId = generateId();
    const hash = await ctx.password.hash(DEMO_PASSWORD);
    await db.transaction(async (tx) => {
      await tx.insert(users).values({
        id: userId,
        name: a.name,
        email: cipher.indexEmail(a.email),
        emailSealed: cipher.seal(a.email),
        emailVerified: true,
      });
      await tx
        .insert(accounts)
        .values({ id: generateId(), accountId: userId, providerId: 'credential', userId, password: hash });
      await tx.insert(roleGrants).values({ userId, role: a.role, institutionId });
      for (const permission of a.permissions ?? [])
        await tx.insert(permissions).values({ userId, permission });
    });
    added++;
  }
  return { added, accounts: ACCOUNTS.map(({ email, label }) => ({ email, label })) };
}
