/** "My reports": the reports a signed-in citizen filed from its account, newest first. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';

export interface MyReport {
  trackingId: string;
  type: string;
  title: string;
  status: string;
  isAnonymous: boolean;
  isConfidential: boolean;
  institution: { id: number; name: string } | null;
  createdAt: string;
}

export async function listMyReports(db: Db, userId: string, limit = 200): Promise<MyReport[]> {
  const res = await db.execute(sql`
    select r.tracking_id as "trackingId", r.type, r.title, r.status, r.is_anonymous as "isAnonymous",
      r.is_confidential as "isConfidential", r.created_at as "createdAt", i.id as "institutionId",
      i.name as "institutionName"
    from reports r left join institutions i on i.id = r.institution_id
    where r.reporter_account_id = ${userId}
    order by r.created_at desc, r.id desc
    limit ${limit}`);
  return (res.rows as Record<string, unknown>[]).map((r) => ({
    trackingId: String(r.trackingId),
    type: String(r.type),
    title: String(r.title),
    status: String(r.status),
    isAnonymous: Boolean(r.isAnonymous),
    isConfidential: Boolean(r.isConfidential),
    institution:
      r.institutionId == null ? null : { id: Number(r.institutionId), name: String(r.institutionName) },
    createdAt: new Date(r.createdAt as string).toISOString(),
  }));
}
