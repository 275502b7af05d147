/** Uploading an attachment and erasing a citizen's identity over in-memory ports (no database). */
import { DomainFailure } from '@pintu/core';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/app/accounts/caller';
import { uploadAttachment } from '../../src/app/attachments/upload-attachment';
import { eraseIdentity } from '../../src/app/citizen/erase-identity';
import { fakeAttachments, fakeBlobs, fakeCitizenData } from '../fakes/intake-reports';

const now = new Date('2024-06-03T02:00:00Z');

async function failureOf(p: Promise<unknown>): Promise<DomainFailure> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof DomainFailure)) throw new Error(`expected a DomainFailure, got ${String(err)}`);
  return err;
}

describe('uploadAttachment over fakes', () => {
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );

  it('stores a PDF and its record, under a harmless name', async () => {
    const deps = { attachments: fakeAttachments(), blobs: fakeBlobs(), now };
    const stored = await uploadAttachment(deps, { bytes: pdf, name: 'surat <keputusan>.pdf' });
    expect(stored).toMatchObject({ kind: 'pdf', mime: 'application/pdf', filename: 'surat _keputusan_.pdf' });
    expect(deps.blobs.stored.get(stored.id)).toEqual(pdf);
    expect(deps.attachments.records).toEqual([
      expect.objectContaining({ id: stored.id, size: pdf.length, createdAt: now }),
    ]);
  });

  it('refuses an executable, whatever its name, storing nothing', async () => {
    const deps = { attachments: fakeAttachments(), blobs: fakeBlobs(), now };
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 1)]);
    const err = await failureOf(uploadAttachment(deps, { bytes: elf, name: 'foto.jpg' }));
    expect(err.error.code).toBe('VALIDATION');
    expect(err.error.fields?.[0]).toMatchObject({ field: 'file', code: 'unsupported_type' });
    expect(deps.blobs.stored.size).toBe(0);
    expect(deps.attachments.records).toHaveLength(0);
  });

  it('refuses an empty file and one over 10 MB', async () => {
    const deps = { attachments: fakeAttachments(), blobs: fakeBlobs(), now };
    const empty = await failureOf(uploadAttachment(deps, { bytes: Buffer.alloc(0), name: 'x.jpg' }));
    expect(empty.error.fields?.[0]).toMatchObject({ field: 'file', code: 'empty' });
    const big = await failureOf(
      uploadAttachment(deps, { bytes: Buffer.alloc(10 * 1024 * 1024 + 1), name: 'big.jpg' }),
    );
    expect(big.error.code).toBe('TOO_LARGE');
  });

  it('leaves no orphan blob when the record cannot be written', async () => {
    const blobs = fakeBlobs();
    const attachments = {
      record: async () => {
        throw new Error('database down');
      },
    };
    await expect(
      uploadAttachment({ attachments, blobs, now }, { bytes: pdf, name: 'a.pdf' }),
    ).rejects.toThrow('database down');
    expect(blobs.stored.size).toBe(0);
  });
});

describe('eraseIdentity over fakes', () => {
  const citizen = (role = 'citizen'): Caller =>
    ({ userId: 'u1', email: 'siti@example.id', grants: [{ role }] }) as unknown as Caller;
  const accept = async (hash: string, password: string) => hash === `hash:${password}`;

  it('refuses a wrong password on the password field, erasing nothing', async () => {
    const citizenData = fakeCitizenData({ userId: 'u1', passwordHash: 'hash:rahasia', reports: ['a'] });
    const err = await failureOf(eraseIdentity({ citizenData }, citizen(), 'salah', accept));
    expect(err.error.code).toBe('VALIDATION');
    expect(err.error.fields).toEqual([
      { field: 'password', code: 'wrong_password', message: 'Kata sandi salah. / Wrong password.' },
    ]);
    expect(citizenData.erased).toBe(false);
  });

  it('refuses staff accounts', async () => {
    const citizenData = fakeCitizenData({ userId: 'u1', passwordHash: 'hash:rahasia', reports: [] });
    const err = await failureOf(
      eraseIdentity({ citizenData }, citizen('liaison_officer'), 'rahasia', accept),
    );
    expect(err.error.code).toBe('NOT_ALLOWED');
    expect(citizenData.erased).toBe(false);
  });

  it('erases with the right password and counts the pseudonymised reports', async () => {
    const citizenData = fakeCitizenData({ userId: 'u1', passwordHash: 'hash:rahasia', reports: ['a', 'b'] });
    expect(await eraseIdentity({ citizenData }, citizen(), 'rahasia', accept)).toEqual({
      erased: true,
      reportsPseudonymised: 2,
    });
    expect(citizenData.erased).toBe(true);
  });
});
