/** In-memory workflow ports (core/src/ports/workflow-reports.ts) for the use-case tier: no database. */
import type {
  IdentityReveal,
  IdentityReveals,
  InstitutionRef,
  LoggedEvent,
  ReportStatus,
  RevealLogScope,
  WorkflowReport,
  WorkflowReports,
} from '@pintu/core';

/** What the fake holds; tests fill it and read it back. */
export interface WorkflowStore {
  reports: WorkflowReport[];
  institutions: InstitutionRef[];
  events: Map<string, LoggedEvent[]>;
  /** Attachments by id, with the report row id they belong to (null while free). */
  attachments: Map<string, number | null>;
  /** `followUpRequiresApproval` by institution id (absent: not set). */
  approvalSettings: Map<string, boolean>;
  reveals: (IdentityReveal & { institutionPath: number[] })[];
}

export function workflowStore(): WorkflowStore {
  return {
    reports: [],
    institutions: [],
    events: new Map(),
    attachments: new Map(),
    approvalSettings: new Map(),
    reveals: [],
  };
}

export function fakeWorkflowReports(store: WorkflowStore): WorkflowReports {
  const byTrackingId = (id: string) => store.reports.find((r) => r.trackingId === id.toUpperCase()) ?? null;
  return {
    async load(trackingId) {
      const r = byTrackingId(trackingId);
      return r ? structuredClone(r) : null;
    },
    async followUpRequiresApproval(holder) {
      const chain = [holder.institutionId, ...[...holder.ancestorIds].reverse()];
      for (const id of chain) {
        const value = id === null ? undefined : store.approvalSettings.get(id);
        if (value !== undefined) return value;
      }
      return true;
    },
    async childStatuses(childIds) {
      return childIds.flatMap((id): ReportStatus[] => {
        const r = byTrackingId(id);
        return r ? [r.state.status] : [];
      });
    },
    async earlierFollowUps() {
      return [];
    },
    async institutionsById(ids) {
      return new Map(store.institutions.filter((i) => ids.includes(i.id)).map((i) => [i.id, i]));
    },
    async institutionNames(ids) {
      const wanted = new Set(ids);
      return Object.fromEntries(
        store.institutions.filter((i) => wanted.has(String(i.id))).map((i) => [String(i.id), i.name]),
      );
    },
    async existingTrackingId(trackingId) {
      return byTrackingId(trackingId)?.trackingId ?? null;
    },
    async usableAttachments(reportId, ids) {
      return ids.filter((id) => {
        const owner = store.attachments.get(id);
        return owner === null || owner === reportId;
      });
    },
    async childrenOf(reportId) {
      return store.reports
        .filter((r) => r.parentReportId === reportId)
        .map((r) => ({ trackingId: r.trackingId, status: r.state.status }));
    },
    async trackingIdOf(reportId) {
      return store.reports.find((r) => r.id === reportId)?.trackingId ?? null;
    },
    async events(trackingId) {
      return structuredClone(store.events.get(trackingId) ?? []);
    },
  };
}

export function fakeIdentityReveals(store: WorkflowStore): IdentityReveals {
  return {
    async list(scope: RevealLogScope, page) {
      const inScope = store.reveals
        .filter((r) => scope === 'all' || r.institutionPath.some((id) => scope.includes(id)))
        .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id);
      const items = inScope
        .slice((page.page - 1) * page.pageSize, page.page * page.pageSize)
        .map(({ institutionPath: _, ...r }) => r);
      return { items, total: inScope.length };
    },
  };
}
