/** The holder of a report: the institution (or unit) whose queue it is in, with its ancestors so scope checks are pure. */
import type { TimeZone } from '../calendar/types';

/** Where a report sits; `institutionId: null` is the national queue of the national admin. */
export interface Holder {
  /** The holding institution or unit; null for the national queue. */
  institutionId: string | null;
  /** Ids of the holder's ancestors, root first, without the holder itself. */
  ancestorIds: string[];
  /** The holder's time zone; its deadlines end at 23:59:59.999 local time (domain.md §6). */
  timeZone: TimeZone;
  /** Kemendagri region code of the holder, for regional holidays; null for central institutions. */
  regionCode: string | null;
}

/** The national queue: reports with no institution, verified by the national admin, deadlines in WIB. */
export const NATIONAL_QUEUE: Holder = {
  institutionId: null,
  ancestorIds: [],
  timeZone: 'Asia/Jakarta',
  regionCode: null,
};

/** Whether the holder is the given institution or lies in its subtree. */
export function isWithinSubtree(
  holder: Pick<Holder, 'institutionId' | 'ancestorIds'>,
  institutionId: string | null,
): boolean {
  if (institutionId === null || holder.institutionId === null) return false;
  return holder.institutionId === institutionId || holder.ancestorIds.includes(institutionId);
}

/** A copy of a holder, so states never share mutable arrays. */
export function copyHolder(holder: Holder): Holder {
  return { ...holder, ancestorIds: [...holder.ancestorIds] };
}
