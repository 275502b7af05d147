/**
 * Turns an action as the API receives it into the core's action: institution ids become holders, a duplicate's
 * original is checked by trackingId, follow-up attachments must be uploaded and not part of another report.
 */
import type { Holder, LifecycleAction } from '@pintu/core';
import type { Db } from '../../db/open';
import {
  existingTrackingId,
  institutionsById,
  usableAttachments,
  type WorkflowReport,
} from '../../db/postgres-workflow';
import { type FieldError, ProblemError } from '../../http/problem';
import type { ActionInput } from '../../http/workflow/workflow.schema';

const invalid = (errors: FieldError[]) =>
  new ProblemError('VALIDATION', 'Periksa kembali isian yang ditandai.', errors);

async function holders(db: Db, named: { field: string; id: number }[]): Promise<Holder[]> {
  const found = await institutionsById(
    db,
    named.map((n) => n.id),
  );
  const errors = named
    .filter((n) => !found.get(n.id)?.active)
    .map((n) => ({ field: n.field, code: 'unknown', message: 'Instansi tidak ditemukan.' }));
  if (errors.length) throw invalid(errors);
  return named.map((n) => found.get(n.id)!.holder);
}

async function attachments(db: Db, report: WorkflowReport, ids: string[] | undefined): Promise<string[]> {
  const list = ids ?? [];
  if (new Set(list).size !== list.length)
    throw invalid([
      { field: 'attachmentIds', code: 'duplicate', message: 'Lampiran yang sama disebut dua kali.' },
    ]);
  const usable = new Set(await usableAttachments(db, report.id, list));
  const errors = list.flatMap((id, i) =>
    usable.has(id)
      ? []
      : [
          {
            field: `attachmentIds.${i}`,
            code: 'unknown',
            message: 'Lampiran tidak ditemukan atau sudah dipakai.',
          },
        ],
  );
  if (errors.length) throw invalid(errors);
  return list;
}

/** The core action for an API action, with every reference resolved; 422 when a reference does not exist. */
export async function resolveAction(
  db: Db,
  report: WorkflowReport,
  input: ActionInput,
): Promise<LifecycleAction> {
  switch (input.action) {
    case 'verify': {
      const targets = await holders(
        db,
        input.targets.map((id, i) => ({ field: `targets.${i}`, id })),
      );
      return { type: 'verify', targets, ...(input.note ? { note: input.note } : {}) };
    }
    case 'dispose_down': {
      const [unit] = await holders(db, [{ field: 'unit', id: input.unit }]);
      return { type: 'dispose_down', unit: unit!, ...(input.note ? { note: input.note } : {}) };
    }
    case 'not_our_authority': {
      const target =
        input.target == null ? null : (await holders(db, [{ field: 'target', id: input.target }]))[0]!;
      return { type: 'not_our_authority', reason: input.reason, target };
    }
    case 'archive': {
      let duplicateOfId: string | null = null;
      if (input.reason === 'duplicate') {
        if (!input.duplicateOf)
          throw invalid([
            { field: 'duplicateOf', code: 'required', message: 'Sebutkan Tracking ID laporan aslinya.' },
          ]);
        duplicateOfId = await existingTrackingId(db, input.duplicateOf);
        if (duplicateOfId === null)
          throw invalid([
            { field: 'duplicateOf', code: 'unknown', message: 'Laporan asli tidak ditemukan.' },
          ]);
      }
      return {
        type: 'archive',
        reason: input.reason,
        duplicateOfId,
        ...(input.note ? { note: input.note } : {}),
      };
    }
    case 'draft_follow_up':
    case 'post_follow_up':
      return {
        type: input.action,
        message: input.message,
        attachmentIds: await attachments(db, report, input.attachmentIds),
      };
    case 'accept':
    case 'rate':
      return {
        type: input.action,
        rating: input.rating,
        ...(input.comment ? { comment: input.comment } : {}),
      };
    default: {
      const { action, ...payload } = input;
      return { type: action, ...payload } as LifecycleAction;
    }
  }
}
