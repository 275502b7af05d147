/** Report shapes of /api/v1/reports as the citizen portal uses them (see /api/openapi.json). */
import type { ReportStatus } from '../components/status-badge';

export type ReportType = 'complaint' | 'aspiration' | 'information_request';

export interface AttachmentView {
  id: string;
  kind: string;
  mime: string;
  size: number;
  url: string;
}

export interface ReportView {
  trackingId: string;
  type: ReportType;
  status: ReportStatus;
  statusLabel: string;
  isAnonymous: boolean;
  isConfidential: boolean;
  title: string | null;
  body: string | null;
  incidentDate: string | null;
  category: { id: number; name: string; code: string };
  region: { code: string; name: string };
  address?: string | null;
  location?: { lat: number; lng: number };
  /** Null while the report waits in the national verification queue. */
  institution: { id: number; name: string } | null;
  reporter: { display: string; name?: string; email?: string; phone?: string };
  attachments: AttachmentView[];
  dueAt?: string | null;
  createdAt: string;
  view: 'public' | 'reporter' | 'staff';
  handling?: {
    stage: string | null;
    dueAt: string | null;
    workingDaysLeft: number | null;
    allowedActions: string[];
    rating: number | null;
    followUpCount: number;
  };
}

export interface ReportPage {
  items: ReportView[];
  page: number;
  pageSize: number;
  total: number;
}

export interface TimelineEvent {
  seq: number;
  type: string;
  at: string;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  statusLabel: string | null;
  actor: {
    side: 'reporter' | 'institution' | 'national' | 'system';
    role?: string;
    institutionId?: number | null;
  };
  payload: Record<string, unknown>;
}

export interface Timeline {
  trackingId: string;
  audience: string;
  events: TimelineEvent[];
  institutions: Record<string, string>;
}

export interface FiledReport {
  trackingId: string;
  status: ReportStatus;
  institution: { id: number; name: string };
  dueAt: string | null;
  accessCode: string;
}

export interface Region {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  path?: string;
}

export interface Category {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  nameEn: string;
  children: Category[];
}

// Access codes are kept for the browser tab only (sessionStorage), never in the URL where history or referrers leak.
const codeKey = (trackingId: string) => `pintu.code.${trackingId}`;
export function rememberAccessCode(trackingId: string, code: string): void {
  try {
    sessionStorage.setItem(codeKey(trackingId), code);
  } catch {
    // storage blocked: the user types the code again
  }
}
export function recallAccessCode(trackingId: string): string | null {
  try {
    return sessionStorage.getItem(codeKey(trackingId));
  } catch {
    return null;
  }
}
