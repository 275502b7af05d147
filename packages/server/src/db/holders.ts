/** Builds the core's Holder (who holds a report, with its ancestors and time zone) from an institution row. */
import type { Holder, TimeZone } from '@pintu/core';

export interface InstitutionForHolder {
  id: number;
  path: number[];
  timeZone: string;
  regionCode: string | null;
}

/** The holder for an institution or unit; `path` runs from the root down to the institution itself. */
export function holderOf(i: InstitutionForHolder): Holder {
  return {
    institutionId: String(i.id),
    ancestorIds: i.path.slice(0, -1).map(String),
    timeZone: i.timeZone as TimeZone,
    regionCode: i.regionCode,
  };
}
