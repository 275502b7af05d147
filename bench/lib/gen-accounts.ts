/**
 * The staff accounts of a generated database, written as the server writes them (better-auth's users/accounts rows,
 * the e-mail sealed and blind-indexed under the data key — docs/data-key.md — an argon2id password, one role grant),
 * with the same ids the generated events name as their actors (gen-plan.ts `staffId`).
 */
import pg from 'pg';
import { argon2id } from '../../packages/server/src/auth/password';
import { createAccountCipher } from '../../packages/server/src/security/account-cipher';
import { staffId } from './gen-plan';

/** The password of every generated staff account. */
export const BENCH_PASSWORD = 'pintu-bench-2026';

export interface BenchAccount {
  email: string;
  role: string;
  institutionId: number | null;
}

export interface BenchAccounts {
  admin: BenchAccount;
  /** The big regency government's staff by role. */
  big: Record<'coordinator' | 'liaison_officer' | 'unit_operator' | 'leadership' | 'developer', BenchAccount>;
  /** Twelve other regency governments, each with a coordinator and a liaison officer (the lifecycle workers). */
  spread: { institutionId: number; coordinator: BenchAccount; liaison: BenchAccount }[];
  all: BenchAccount[];
}

/** Creates the accounts; `bigId` is the big regency government. */
export async function createAccounts(url: string, dataKey: Buffer, bigId: number): Promise<BenchAccounts> {
  const cipher = createAccountCipher(dataKey);
  const hash = await argon2id.hash(BENCH_PASSWORD);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const codeOf = async (id: number) =>
      String((await c.query('select code from institutions where id = $1', [id])).rows[0].code);
    const make = async (role: string, institutionId: number | null): Promise<BenchAccount> => {
      const slug = role.replace('_', '-');
      const email = `${slug}.${institutionId === null ? 'nasional' : await codeOf(institutionId)}@bench.pintu.example`;
      const id = staffId(role, institutionId);
      await c.query(
        `insert into users (id, name, email, email_sealed, email_verified, language, must_change_password)
         values ($1, $2, $3, $4, true, 'id', false)`,
        [id, `Bench ${role} ${institutionId ?? 'nasional'}`, cipher.indexEmail(email), cipher.seal(email)],
      );
      await c.query(
        `insert into accounts (id, account_id, provider_id, user_id, password) values ($1, $2, 'credential', $2, $3)`,
        [`acc-${id}`, id, hash],
      );
      await c.query('insert into role_grants (user_id, role, institution_id) values ($1, $2, $3)', [
        id,
        role,
        institutionId,
      ]);
      return { email, role, institutionId };
    };
    await c.query('begin');
    const admin = await make('national_admin', null);
    const oversight = await make('oversight', null);
    const big = {
      coordinator: await make('coordinator', bigId),
      liaison_officer: await make('liaison_officer', bigId),
      unit_operator: await make('unit_operator', bigId),
      leadership: await make('leadership', bigId),
      developer: await make('developer', bigId),
    };
    // Twelve connected regency governments spread over the country (evenly by id), the big one excepted.
    const connected = (
      await c.query<{ id: number }>(
        `select id from institutions where kind = 'regency_government' and sk_number is not null and id <> $1
         order by id`,
        [bigId],
      )
    ).rows;
    const picked = Array.from(
      { length: Math.min(12, connected.length) },
      (_, i) => connected[Math.floor(((i + 0.5) * connected.length) / 12)]!,
    );
    const spread: BenchAccounts['spread'] = [];
    for (const { id } of picked)
      spread.push({
        institutionId: id,
        coordinator: await make('coordinator', id),
        liaison: await make('liaison_officer', id),
      });
    await c.query('commit');
    const all = [
      admin,
      oversight,
      ...Object.values(big),
      ...spread.flatMap((s) => [s.coordinator, s.liaison]),
    ];
    return { admin, big, spread, all };
  } catch (err) {
    await c.query('rollback').catch(() => {});
    throw err;
  } finally {
    await c.end();
  }
}
