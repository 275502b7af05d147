/**
 * Turns an action as a caller names it into the core's action: institution ids become holders, a duplicate's
 * original is checked by trackingId, follow-up attachments must be uploaded and not part of another report.
 */
import {
  type ActionOf,
  type ArchiveReason,
  type FieldError,
  fail,
  type Holder,
  type LifecycleAction,
  type Programs,
  type WorkflowReport,
  type WorkflowReports,
} from '@pintu/core';
import { raiseTarget } from '../programs/raise-target';

/** Actions whose payload the caller gives just as the core takes it. */
type AsIs =
  | 'hold'
  | 'answer_hold'
  | 'auto_archive'
  | 'acknowledge'
  | 'approve_follow_up'
  | 'return_draft'
  | 'reporter_reply'
  | 'auto_resolve'
  | 'reopen'
  | 'comment_internal'
  | 'escalate'
  | 'resolve_parent'
  | 'flag'
  | 'release_flag'
  | 'confirm_flag';

/** An action as a caller (a route, later a channel) names it: institutions by id, the duplicate's original by trackingId. */
export type ActionRequest =
  | { action: 'verify'; targets: number[]; note?: string | undefined }
  | { action: 'dispose_down'; unit: number; note?: string | undefined }
  | { action: 'not_our_authority'; reason: string; target?: number | null | undefined }
  | { action: 'archive'; reason: ArchiveReason; note?: string | undefined; duplicateOf?: string | undefined }
  | { action: 'draft_follow_up' | 'post_follow_up'; message: string; attachmentIds?: string[] | undefined }
  | { action: 'accept' | 'rate'; rating: number; comment?: string | undefined }
  | { action: 'raise_level'; reason: string }
  | { [N in AsIs]: { action: N } & Omit<ActionOf<N>, 'type'> }[AsIs];

const invalid = (errors: FieldError[]): never =>
  fail('VALIDATION', 'Periksa kembali isian yang ditandai.', errors);

async function holders(reports: WorkflowReports, named: { field: string; id: number }[]): Promise<Holder[]> {
  const found = await reports.institutionsById(named.map((n) => n.id));
  const errors = named
    .filter((n) => !found.get(n.id)?.active)
    .map((n) => ({ field: n.field, code: 'unknown', message: 'Instansi tidak ditemukan.' }));
  if (errors.length) invalid(errors);
  return named.map((n) => found.get(n.id)!.holder);
}

async function attachments(
  reports: WorkflowReports,
  report: WorkflowReport,
  ids: string[] | undefined,
): Promise<string[]> {
  const list = ids ?? [];
  if (new Set(list).size !== list.length)
    invalid([{ field: 'attachmentIds', code: 'duplicate', message: 'Lampiran yang sama disebut dua kali.' }]);
  const usable = new Set(await reports.usableAttachments(report.id, list));
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
  if (errors.length) invalid(errors);
  return list;
}

/** The core action for a requested action, with every reference resolved; VALIDATION when one does not exist. */
export async function resolveAction(
  reports: WorkflowReports,
  report: WorkflowReport,
  input: ActionRequest,
  /** To find a program grievance's next level handler (`raise_level`). */
  programs?: Programs,
): Promise<LifecycleAction> {
  switch (input.action) {
    case 'raise_level': {
      // No next level: the report's own holder stands in, and the core refuses the action with its own code.
      const target = (await raiseTarget(programs, report)) ?? report.state.holder;
      return { type: 'raise_level', reason: input.reason, target };
    }
    case 'verify': {
      const targets = await holders(
        reports,
        input.targets.map((id, i) => ({ field: `targets.${i}`, id })),
      );
      return { type: 'verify', targets, ...(input.note ? { note: input.note } : {}) };
    }
    case 'dispose_down': {
      const [unit] = await holders(reports, [{ field: 'unit', id: input.unit }]);
      return { type: 'dispose_down', unit: unit!, ...(input.note ? { note: input.note } : {}) };
    }
    case 'not_our_authority': {
      const target =
        input.target == null ? null : (await holders(reports, [{ field: 'target', id: input.target }]))[0]!;
      return { type: 'not_our_authority', reason: input.reason, target };
    }
    case 'archive': {
      let duplicateOfId: string | null = null;
      if (input.reason === 'duplicate') {
        if (!input.duplicateOf)
          invalid([
            { field: 'duplicateOf', code: 'required', message: 'Sebutkan Tracking ID laporan aslinya.' },
          ]);
        duplicateOfId = await reports.existingTrackingId(input.duplicateOf!);
        if (duplicateOfId === null)
          invalid([{ field: 'duplicateOf', code: 'unknown', message: 'Laporan asli tidak ditemukan.' }]);
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
        attachmentIds: await attachments(reports, report, input.attachmentIds),
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
