/** An in-memory accounts port: institutions, accounts and their grants as plain arrays. */
import type { AccountsPort, StaffGrantRecord, StaffInstitution, StaffMember } from '@pintu/core';

export interface FakeAccount {
  userId: string;
  name: string;
  email: string;
  deactivatedAt: Date | null;
}

export interface FakeGrant extends StaffGrantRecord {
  userId: string;
  grantedBy: string | null;
}

export function fakeAccounts(seed: {
  institutions?: StaffInstitution[];
  accounts?: FakeAccount[];
  grants?: Omit<FakeGrant, 'path'>[];
}) {
  const institutions = [...(seed.institutions ?? [])];
  const accounts = [...(seed.accounts ?? [])];
  const pathOf = (id: number | null) =>
    id === null ? null : (institutions.find((i) => i.id === id)?.path ?? null);
  const grants: FakeGrant[] = (seed.grants ?? []).map((g) => ({ ...g, path: pathOf(g.institutionId) }));
  let nextGrant = Math.max(0, ...grants.map((g) => g.id)) + 1;
  const staffGrantsOf = (userId: string) => grants.filter((g) => g.userId === userId && g.role !== 'citizen');

  const port: AccountsPort = {
    institution: async (id) => institutions.find((i) => i.id === id) ?? null,
    async staffGrants(userId) {
      const account = accounts.find((a) => a.userId === userId);
      const mine = account ? staffGrantsOf(userId) : [];
      return {
        grants: mine.map(({ id, role, institutionId, path }) => ({ id, role, institutionId, path })),
        deactivated: account?.deactivatedAt != null,
      };
    },
    async createStaff(a, beforeCommit) {
      if (accounts.some((x) => x.email === a.email)) return false;
      await beforeCommit();
      accounts.push({ userId: a.userId, name: a.name, email: a.email, deactivatedAt: null });
      grants.push({
        id: nextGrant++,
        userId: a.userId,
        role: a.role,
        institutionId: a.institutionId,
        path: pathOf(a.institutionId),
        grantedBy: a.grantedBy,
      });
      return true;
    },
    async listStaff(roots, page) {
      const inScope = (g: FakeGrant) => roots === null || (g.path ?? []).some((id) => roots.includes(id));
      const members: StaffMember[] = accounts
        .filter((a) => staffGrantsOf(a.userId).some(inScope))
        .sort((x, y) => x.name.localeCompare(y.name) || x.userId.localeCompare(y.userId))
        .map((a) => ({
          userId: a.userId,
          name: a.name,
          email: a.email,
          language: 'id',
          active: a.deactivatedAt === null,
          mustChangePassword: false,
          twoFactorEnabled: false,
          createdAt: new Date(0).toISOString(),
          grants: staffGrantsOf(a.userId)
            .filter(inScope)
            .map((g) => ({
              id: g.id,
              role: g.role,
              institutionId: g.institutionId,
              institutionName: institutions.find((i) => i.id === g.institutionId)?.name ?? null,
            })),
        }));
      return { total: members.length, items: members.slice(page.offset, page.offset + page.limit) };
    },
    async deactivate(userId, at) {
      const a = accounts.find((x) => x.userId === userId);
      if (a && a.deactivatedAt === null) a.deactivatedAt = at;
    },
    async addGrant(g) {
      if (
        grants.some((x) => x.userId === g.userId && x.role === g.role && x.institutionId === g.institutionId)
      )
        return null;
      const id = nextGrant++;
      grants.push({ id, ...g, path: pathOf(g.institutionId) });
      return id;
    },
    async removeGrant(userId, grantId) {
      const i = grants.findIndex((g) => g.id === grantId && g.userId === userId);
      if (i >= 0) grants.splice(i, 1);
    },
    async profile() {
      return null;
    },
  };
  return { port, accounts, grants };
}
