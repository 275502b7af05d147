import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from './mailer';

describe('without SMTP, mail waits in the private mail folder', () => {
  let root = '';
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('writes the whole message owner-only and logs neither the address, the name nor the subject', async () => {
    root = await mkdtemp(join(tmpdir(), 'pintu-mail-'));
    const dir = join(root, 'mail');
    const logs: string[] = [];
    const mailer = createMailer({
      from: 'Pintu <no-reply@pintu.test>',
      mailDir: dir,
      log: (l) => logs.push(l),
    });
    await mailer.send({
      to: 'Siti Rahayu <siti.rahayu@example.id>',
      subject: 'Laporan LPR-ABCD-2345 diterima',
      text: 'Yth. Siti Rahayu, laporan Anda LPR-ABCD-2345 diterima.',
      html: '<p>Yth. Siti Rahayu</p>',
    });

    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const file = join(dir, files[0]!);
    const eml = await readFile(file, 'utf8');
    expect(eml).toContain('siti.rahayu@example.id');
    expect(eml).toMatch(/^Subject: Laporan LPR-ABCD-2345 diterima/m);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);

    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain(file);
    for (const secret of ['siti', 'Siti', 'Rahayu', 'example.id', 'LPR-ABCD-2345'])
      expect(logs[0]).not.toContain(secret);
  });
});
