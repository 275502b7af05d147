/** Staff accounts and their role grants, and an account as it sees itself (`me`). */
import type { StaffRole } from '../policy/staff-scope';

/** An institution as staff administration checks it: tree path (root → itself), name, active. */
export interface StaffInstitution {
  id: number;
  path: number[];
  name: string;
  active: boolean;
}

/** One staff grant of an account (citizen grants are never listed), with its institution's path. */
export interface StaffGrantRecord {
  id: number;
  role: string;
  institutionId: number | null;
  path: number[] | null;
}

export interface StaffGrantView {
  id?: number;
  role: string;
  institutionId: number | null;
  institutionName: string | null;
}

export interface StaffMember {
  userId: string;
  name: string;
  email: string;
  language: 'id' | 'en';
  active: boolean;
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  createdAt: string;
  grants: StaffGrantView[];
}

/** A staff account to create: the user, its credential (a password hash) and its one grant. */
export interface NewStaffAccount {
  userId: string;
  credentialId: string;
  name: string;
  email: string;
  phone: string | null;
  language: 'id' | 'en';
  passwordHash: string;
  createdAt: Date;
  role: StaffRole;
  institutionId: number | null;
  grantedBy: string;
}

/** The account as it sees itself (without the permissions, which the session already has). */
export interface AccountProfile {
  userId: string;
  name: string;
  email: string;
  emailVerified: boolean;
  phone: string | null;
  language: 'id' | 'en';
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  grants: {
    role: string;
    institutionId: number | null;
    institutionName: string | null;
    institutionCode: string | null;
  }[];
}

export interface AccountsPort {
  institution(id: number): Promise<StaffInstitution | null>;
  /** The account's staff grants (by id), and whether it is deactivated; no grants for an unknown account. */
  staffGrants(userId: string): Promise<{ grants: StaffGrantRecord[]; deactivated: boolean }>;
  /**
   * Creates the account in one transaction; `beforeCommit` runs inside it (a throw undoes everything).
   * Returns false, creating nothing, when the e-mail address is taken.
   */
  createStaff(account: NewStaffAccount, beforeCommit: () => Promise<void>): Promise<boolean>;
  /** Staff (any non-citizen grant) in the subtrees of `roots` (null: all), by name, with those grants. */
  listStaff(
    roots: readonly number[] | null,
    page: { limit: number; offset: number },
  ): Promise<{ items: StaffMember[]; total: number }>;
  /** Marks the account deactivated (once) and ends its sessions, together. */
  deactivate(userId: string, at: Date): Promise<void>;
  /** Adds a grant; null when the account already holds it. */
  addGrant(grant: {
    userId: string;
    role: StaffRole;
    institutionId: number | null;
    grantedBy: string;
  }): Promise<number | null>;
  removeGrant(userId: string, grantId: number): Promise<void>;
  profile(userId: string): Promise<AccountProfile | null>;
}
