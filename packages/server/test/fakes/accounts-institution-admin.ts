/**
 * An in-memory institution-administration port: nodes and the audit as arrays; a transaction works on a copy that
 * replaces the state only when the work returns (a throw leaves nothing behind, as a rollback does).
 */
import type {
  InstitutionAdminPort,
  InstitutionAdminStore,
  InstitutionAuditEntry,
  InstitutionRecord,
} from '@pintu/core';

interface State {
  nodes: InstitutionRecord[];
  audit: InstitutionAuditEntry[];
  openReports: Record<number, number>;
}

const copy = (s: State): State => structuredClone(s);

export function fakeInstitutionAdmin(seed: { nodes: InstitutionRecord[]; regions?: string[] }) {
  let state: State = { nodes: structuredClone(seed.nodes), audit: [], openReports: {} };
  const regions = new Set(seed.regions ?? []);

  const store = (s: State): InstitutionAdminStore => {
    const find = (id: number) => s.nodes.find((n) => n.id === id) ?? null;
    const inSubtree = (id: number) => s.nodes.filter((n) => n.path.includes(id));
    return {
      node: async (id) => structuredClone(find(id)),
      pathNodes: async (path) => path.flatMap((id) => (find(id) ? [structuredClone(find(id)!)] : [])),
      regionExists: async (code) => regions.has(code),
      siblingNameTaken: async (parentId, name, exceptId = 0) =>
        s.nodes.some(
          (n) =>
            n.parentId === parentId &&
            n.active &&
            n.name.toLowerCase() === name.toLowerCase() &&
            n.id !== exceptId,
        ),
      async insertUnit(u) {
        const id = Math.max(0, ...s.nodes.map((n) => n.id)) + 1;
        s.nodes.push({
          id,
          parentId: u.parent.id,
          path: [...u.parent.path, id],
          code: `unit-${id}`,
          kind: 'unit',
          name: u.name,
          regionCode: u.regionCode,
          timeZone: u.timeZone,
          active: true,
          skNumber: null,
          skDate: null,
          settings: {},
          connected: u.parent.connected,
        });
        return id;
      },
      async rename(id, name) {
        const n = find(id);
        if (n) n.name = name;
      },
      async moveSubtree(node, parent) {
        for (const n of inSubtree(node.id)) {
          n.path = [...parent.path, ...n.path.slice(n.path.indexOf(node.id))];
          if (n.id === node.id) n.parentId = parent.id;
        }
      },
      countOpenReports: async (id) => inSubtree(id).reduce((sum, n) => sum + (s.openReports[n.id] ?? 0), 0),
      countActiveDescendants: async (id) => inSubtree(id).filter((n) => n.id !== id && n.active).length,
      async setActive(id, active) {
        const n = find(id);
        if (n) n.active = active;
      },
      skAttachment: async () => null,
      async recordSk() {},
      latestSk: async () => null,
      async replaceSettings(id, keys, values) {
        const n = find(id);
        if (!n) return;
        for (const k of keys) delete n.settings[k];
        Object.assign(n.settings, values);
      },
      existingCategories: async () => new Set(),
      async appendAudit(e) {
        s.audit.push(e);
      },
      listAudit: async (id, limit, offset) =>
        s.audit
          .filter((e) => e.institutionId === id)
          .reverse()
          .slice(offset, offset + limit)
          .map((e, i) => ({ ...e, id: i + 1, at: e.at.toISOString() })),
      listChildren: async () => [],
    };
  };

  const port: InstitutionAdminPort = {
    ...store(state),
    async transaction(work) {
      const draft = copy(state);
      const result = await work(store(draft));
      state = draft;
      Object.assign(port, store(state));
      return result;
    },
  };
  return { port, state: () => state };
}
