/**
 * Recording an institution's SK (surat keputusan: number, date, the decree as a PDF). Once recorded the institution
 * is *connected* (domain.md §2) and its reports are no longer shown as unattended.
 */
import { localDate } from '@pintu/core';
import type { Db } from '../../db/open';
import { findSkAttachment, latestSk, loadNode, recordSk } from '../../db/postgres-institution-admin';
import { type FieldError, fieldError, ProblemError } from '../../http/problem';
import type { Principal } from '../accounts/principal';
import { actorFor } from './access';
import { audit } from './audit';
import { institutionNotFound, presentAdmin } from './view-institution';

export interface SkInput {
  number: string;
  date: string;
  attachmentId: string;
}

/** Records the SK with its audit row in one transaction; returns the administrator's view. */
export async function recordInstitutionSk(
  deps: { db: Db; now: Date },
  principal: Principal | null,
  id: number,
  input: SkInput,
) {
  const { db, now } = deps;
  return db.transaction(async (tx) => {
    const node = await loadNode(tx, id, true);
    if (!node) throw institutionNotFound();
    const actor = actorFor(principal, 'record_sk', node.path);
    // A unit works under its institution's SK; recording one on a unit would connect nothing.
    if (node.kind === 'unit')
      throw fieldError('id', 'unit', 'SK dicatat pada instansi induk, bukan pada unit kerja.');
    const errors: FieldError[] = [];
    // Decrees are dated in WIB at the latest; compare with today in WIT, the zone furthest ahead.
    if (input.date > localDate(now, 'Asia/Jayapura'))
      errors.push({ field: 'date', code: 'future', message: 'Tanggal SK tidak boleh di masa depan.' });
    const file = await findSkAttachment(tx, input.attachmentId, id);
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
    if (errors.length) throw new ProblemError('VALIDATION', 'Periksa kembali isian SK.', errors);
    const before = await latestSk(tx, id);
    await recordSk(tx, id, input, actor.id, now);
    await audit(tx, actor, id, 'record_sk', { before, after: input }, now);
    return presentAdmin(tx, (await loadNode(tx, id))!);
  });
}
