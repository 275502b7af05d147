/**
 * "Download my data" (UU PDP right of access): the account, its role grants, its notifications and every report
 * it filed with the identity given and the timeline as the reporter sees it (no internal notes, no staff names).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { readEvents } from '../../db/postgres-lifecycle';
import { presentTimeline } from '../../http/workflow/timeline.presenter';
import type { Sealer } from '../../security/seal';
import { loadMe, type MeView } from '../accounts/me';
import type { Principal } from '../accounts/principal';
import { listMyReports, type MyReport } from './my-reports';

export interface MyData {
  exportedAt: string;
  account: MeView & { createdAt: string };
  reports: (MyReport & {
    body: string;
    incidentDate: string | null;
    address: string | null;
    reporter: Record<string, string> | null;
    events: ReturnType<typeof presentTimeline>;
  })[];
  notifications: {
    trackingId: string;
    title: string;
    body: string;
    createdAt: string;
    readAt: string | null;
  }[];
}

export async function exportMyData(
  deps: { db: Db; sealer: Sealer; now: Date },
  p: Principal,
): Promise<MyData> {
  const { db, sealer } = deps;
  const me = await loadMe(db, p);
  const created = await db.execute(sql`select created_at as "createdAt" from users where id = ${p.userId}`);
  const list = await listMyReports(db, p.userId, 10_000);
  const reports: MyData['reports'] = [];
  for (const r of list) {
    const row = (
      await db.execute(sql`
        select body, incident_date as "incidentDate", address, reporter_sealed as "sealed", is_anonymous as "anon"
        from reports where tracking_id = ${r.trackingId}`)
    ).rows[0] as {
      body: string;
      incidentDate: string | null;
      address: string | null;
      sealed: string | null;
      anon: boolean;
    };
    const events = presentTimeline(await readEvents(db, r.trackingId), 'reporter', row.anon);
    reports.push({
      ...r,
      body: row.body,
      incidentDate: row.incidentDate ? String(row.incidentDate).slice(0, 10) : null,
      address: row.address,
      reporter: row.sealed ? sealer.open<Record<string, string>>(row.sealed) : null,
      events,
    });
  }
  const notes = await db.execute(sql`
    select tracking_id as "trackingId", title, body, created_at as "createdAt", read_at as "readAt"
    from notifications where user_id = ${p.userId} order by id`);
  const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return {
    exportedAt: deps.now.toISOString(),
    account: { ...me, createdAt: iso((created.rows[0] as { createdAt: string }).createdAt) ?? '' },
    reports,
    notifications: (notes.rows as Record<string, unknown>[]).map((n) => ({
      trackingId: String(n.trackingId),
      title: String(n.title),
      body: String(n.body),
      createdAt: iso(n.createdAt) ?? '',
      readAt: iso(n.readAt),
    })),
  };
}
