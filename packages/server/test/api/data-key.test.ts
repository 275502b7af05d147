/**
 * Personal data at rest and the data key (issue 16 §6): account e-mail and phone are sealed with a blind index for
 * sign-in; every sealed column is known to the rotation; `rotateDataKey` re-seals all of it under a new key or
 * nothing; start-up refuses a wrong key and finishes a rotation cut off before its key file was renamed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { symmetricDecrypt, symmetricEncrypt } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataKey, NEXT_KEY_FILE, rotateDataKey, WrongDataKeyError } from '../../src/data-key/data-key';
import { SEALED_COLUMNS, sealedColumnNames } from '../../src/db/postgres-data-key';
import { createAccountCipher, dataKeyFingerprint } from '../../src/security/account-cipher';
import { createSealer } from '../../src/security/seal';
import { refIds, reportInput } from '../support/fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-db';

const STAFF = {
  name: 'Rina Koordinator',
  email: 'Rina.Koordinator@samarindakota.go.id',
  phone: '081255501234',
};

/** Every sealed value in the database, opened with `key`, by table, key and column (throws if one does not open). */
async function openedValues(t: TestApp, key: Buffer): Promise<Record<string, unknown>> {
  const sealer = createSealer(key);
  const out: Record<string, unknown> = {};
  for (const s of SEALED_COLUMNS) {
    const rows = await t.deps.db.execute(sql.raw(`select * from ${s.table}`));
    for (const r of rows.rows)
      for (const c of s.columns)
        if (r[c] != null)
          out[`${s.table}/${s.key.map((k) => r[k]).join(',')}/${c}`] = sealer.open(String(r[c]));
  }
  return out;
}

describe.each(ENGINES)('the data key on %s', (engine) => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    admin = await signInAs(t, { role: 'national_admin' });
    const ids = await refIds(t.deps.db);
    const staff = await t.post(
      '/api/v1/staff',
      { ...STAFF, role: 'coordinator', institutionId: ids.samarinda },
      admin.headers,
    );
    expect(staff.status, await staff.clone().text()).toBe(201);
    // A filing with a reporter identity, kept with its Idempotency-Key answer (both sealed).
    const filed = await t.post('/api/v1/reports', reportInput(ids.roads), { 'idempotency-key': 'dk-1' });
    expect(filed.status).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps no account e-mail or phone in clear: a blind index finds the account, the API shows them opened', async () => {
    const rows = await t.deps.db.execute(sql`select * from users`);
    const dump = JSON.stringify(rows.rows).toLowerCase();
    expect(dump).not.toContain(STAFF.email.toLowerCase());
    expect(dump).not.toContain(STAFF.phone);
    expect(dump).not.toContain('@pintu.test'); // the signed-in admin's address
    for (const r of rows.rows) expect(String(r.email)).toMatch(/^bi1:[A-Za-z0-9_-]{43}$/);

    const cipher = createAccountCipher(t.dataKey);
    const found = await t.deps.db.execute(
      sql`select email_sealed, phone from users where email = ${cipher.indexEmail(STAFF.email)}`,
    );
    expect(found.rows).toHaveLength(1);
    expect(cipher.open(String(found.rows[0]!.email_sealed))).toBe(STAFF.email.toLowerCase());
    expect(cipher.open(String(found.rows[0]!.phone))).toBe(STAFF.phone);

    const list = await (await t.get('/api/v1/staff?limit=100', admin.headers)).json();
    const rina = list.items.find((s: { name: string }) => s.name === STAFF.name);
    expect(rina.email).toBe(STAFF.email.toLowerCase());
    const me = await (await t.get('/api/v1/me', admin.headers)).json();
    expect(me.email).toBe(admin.email);
  });

  it('knows every sealed column of the schema, so a rotation leaves none behind', async () => {
    const listed = SEALED_COLUMNS.flatMap((s) => s.columns.map((c) => `${s.table}.${c}`));
    for (const name of await sealedColumnNames(t.deps.db)) expect(listed).toContain(name);
  });

  it('re-seals everything under a new key, or nothing when one value cannot be opened', async () => {
    const oldSecret = randomBytes(32).toString('base64url');
    const newSecret = randomBytes(32).toString('base64url');
    const totp = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await t.deps.db.execute(sql`insert into two_factors (id, secret, backup_codes, user_id)
      values ('tf-dk', ${await symmetricEncrypt({ key: oldSecret, data: totp })},
        ${await symmetricEncrypt({ key: oldSecret, data: '["a1b2c3"]' })}, ${admin.userId})`);
    await checkDataKey(t.deps.db, t.dataKey, { dataDir: 'memory', fromFile: false });
    const before = await openedValues(t, t.dataKey);
    expect(Object.keys(before).some((k) => k.startsWith('reports/'))).toBe(true);
    expect(Object.keys(before).some((k) => k.startsWith('idempotency_keys/'))).toBe(true);

    // One value sealed under another key: the rotation stops and changes nothing.
    const report = await t.deps.db.execute(sql`select id, reporter_sealed from reports limit 1`);
    const { id, reporter_sealed } = report.rows[0]!;
    await t.deps.db.execute(
      sql`update reports set reporter_sealed = ${createSealer(randomBytes(32)).seal({ name: 'x' })} where id = ${id}`,
    );
    const next = randomBytes(32);
    await expect(
      rotateDataKey({ db: t.deps.db, from: t.dataKey, to: next, authSecrets: null, now: new Date() }),
    ).rejects.toThrow();
    await t.deps.db.execute(sql`update reports set reporter_sealed = ${reporter_sealed} where id = ${id}`);
    expect(await openedValues(t, t.dataKey)).toEqual(before);

    const result = await rotateDataKey({
      db: t.deps.db,
      from: t.dataKey,
      to: next,
      authSecrets: { from: oldSecret, to: newSecret },
      now: new Date(),
    });
    expect(result).toMatchObject({ from: dataKeyFingerprint(t.dataKey), to: dataKeyFingerprint(next) });
    expect(result.tables.users).toBeGreaterThanOrEqual(2);
    expect(result.tables.two_factors).toBe(1);
    expect(await openedValues(t, next)).toEqual(before);
    await expect(openedValues(t, t.dataKey)).rejects.toThrow();

    // The blind index follows the key; TOTP secrets follow the auth secret.
    const byNewIndex = await t.deps.db.execute(
      sql`select count(*)::int as n from users where email = ${createAccountCipher(next).indexEmail(STAFF.email)}`,
    );
    expect(byNewIndex.rows[0]).toEqual({ n: 1 });
    const tf = (await t.deps.db.execute(sql`select secret from two_factors where id = 'tf-dk'`)).rows[0]!;
    expect(await symmetricDecrypt({ key: newSecret, data: String(tf.secret) })).toBe(totp);

    // Start-up: the old key is refused by fingerprint; the new one is accepted.
    const refused = await checkDataKey(t.deps.db, t.dataKey, { dataDir: 'memory', fromFile: false }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(WrongDataKeyError);
    expect(String(refused)).toContain(dataKeyFingerprint(next));
    expect((await checkDataKey(t.deps.db, next, { dataDir: 'memory', fromFile: false })).equals(next)).toBe(
      true,
    );

    // A rotation cut off before its key file was renamed is finished by the next start.
    const dir = mkdtempSync(join(tmpdir(), 'pintu-dk-'));
    writeFileSync(join(dir, 'data.key'), next.toString('base64'));
    const third = randomBytes(32);
    writeFileSync(join(dir, NEXT_KEY_FILE), third.toString('base64'));
    await rotateDataKey({ db: t.deps.db, from: next, to: third, authSecrets: null, now: new Date() });
    const key = await checkDataKey(t.deps.db, next, { dataDir: dir, fromFile: true });
    expect(key.equals(third)).toBe(true);
    expect(readFileSync(join(dir, 'data.key'), 'utf8')).toBe(third.toString('base64'));
    expect(await openedValues(t, third)).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
  });
});
