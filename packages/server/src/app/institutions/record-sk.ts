/**
 * Recording an institution's SK (surat keputusan: number, date, the decree as a PDF). Once recorded the institution
 * is *connected* (domain.md §2) and its reports are no longer shown as unattended.
 */
import { type FieldError, fail, failField, localDate } from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { actorFor } from './access';
import { audit } from './audit';
import { adminView, institutionNotFound } from './view-institution';

export interface SkInput {
  number: string;
  date: string;
  attachmentId: string;
}

/** Records the SK with its audit row in one transaction; returns the administrator's view. */
export async function recordInstitutionSk(
  deps: Pick<AppDeps, 'institutionAdmin'> & { now: Date },
  caller: Caller,
  id: number,
  input: SkInput,
) {
  const { now } = deps;
  return deps.institutionAdmin.transaction(async (tx) => {
    const node = await tx.node(id, true);
    if (!node) return institutionNotFound();
    const actor = actorFor(caller, 'record_sk', node.path);
    // A unit works under its institution's SK; recording one on a unit would connect nothing.
    if (node.kind === 'unit')
      failField('id', 'unit', 'SK dicatat pada instansi induk, bukan pada unit kerja.');
    const errors: FieldError[] = [];
    // Decrees are dated in WIB at the latest; compare with today in WIT, the zone furthest ahead.
    if (input.date > localDate(now, 'Asia/Jayapura'))
      errors.push({ field: 'date', code: 'future', message: 'Tanggal SK tidak boleh di masa depan.' });
    const file = await tx.skAttachment(input.attachmentId, id);
    if (!file) errors.push({ field: 'attachmentId', code: 'unknown', message: 'Berkas SK tidak ditemukan.' });
    else if (file.kind !== 'pdf' || file.mime !== 'application/pdf')
      errors.push({
        field: 'attachmentId',
        code: 'not_pdf',
        message: `Berkas SK harus PDF (yang diunggah: ${file.mime}).`,
      });
    else if (file.reportId !== null || file.usedByOther)
      errors.push({
        field: 'attachmentId',
        code: 'taken',
        message: 'Berkas ini sudah dipakai laporan atau instansi lain; unggah berkas SK tersendiri.',
      });
    if (errors.length) fail('VALIDATION', 'Periksa kembali isian SK.', errors);
    const before = await tx.latestSk(id);
    await tx.recordSk(id, input, actor.id, now);
    await audit(tx, actor, id, 'record_sk', { before, after: input }, now);
    return adminView(tx, (await tx.node(id)) ?? institutionNotFound());
  });
}
