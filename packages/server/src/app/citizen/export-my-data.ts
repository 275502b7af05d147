/**
 * "Download my data" (UU PDP right of access): the account, its role grants, its notifications and every report
 * it filed with the identity given and its events (the route shows them as the reporter's timeline: no internal
 * notes, no staff names).
 */
import type { MyNotification, MyReport, MyReportEvent } from '@pintu/core';
import type { Caller } from '../accounts/caller';
import { type MeView, viewMe } from '../accounts/me';
import type { AppDeps } from '../deps';

export interface MyData {
  exportedAt: string;
  account: MeView & { createdAt: string };
  reports: (MyReport & {
    body: string;
    incidentDate: string | null;
    address: string | null;
    reporter: Record<string, string> | null;
    /** As logged: a presenter turns them into the reporter's timeline. */
    events: MyReportEvent[];
  })[];
  notifications: MyNotification[];
}

export async function exportMyData(
  deps: Pick<AppDeps, 'accounts' | 'citizenData' | 'sealer'> & { now: Date },
  p: Caller,
): Promise<MyData> {
  const { citizenData, sealer } = deps;
  const me = await viewMe(deps, p);
  const createdAt = await citizenData.accountCreatedAt(p.userId);
  const list = await citizenData.myReports(p.userId, 10_000);
  const reports: MyData['reports'] = [];
  for (const r of list) {
    const detail = await citizenData.reportDetail(r.trackingId);
    if (!detail) continue; // erased meanwhile
    reports.push({
      ...r,
      body: detail.body,
      incidentDate: detail.incidentDate,
      address: detail.address,
      reporter: detail.reporterSealed ? sealer.open<Record<string, string>>(detail.reporterSealed) : null,
      events: detail.events,
    });
  }
  return {
    exportedAt: deps.now.toISOString(),
    account: { ...me, createdAt: createdAt ?? '' },
    reports,
    notifications: await citizenData.notifications(p.userId),
  };
}
