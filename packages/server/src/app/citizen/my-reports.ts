/** "My reports": the reports a signed-in citizen filed from its account, newest first. */
import type { MyReport } from '@pintu/core';
import type { AppDeps } from '../deps';

export type { MyReport };

export async function listMyReports(
  deps: Pick<AppDeps, 'citizenData'>,
  userId: string,
  limit = 200,
): Promise<MyReport[]> {
  return deps.citizenData.myReports(userId, limit);
}
