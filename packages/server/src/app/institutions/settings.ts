/**
 * Institution settings (stored in `institutions.settings`): whether a unit operator's follow-up needs the liaison
 * officer's approval, and the default complexity class per category. A unit inherits what it does not set itself
 * from the nearest ancestor that does.
 */
import {
  COMPLEXITY_CLASSES,
  type ComplexityClass,
  type InstitutionAdminStore,
  type InstitutionRecord,
  type InstitutionSettings,
} from '@pintu/core';

/** What an institution stores; every key optional (absent = inherit). */
export interface StoredSettings {
  followUpRequiresApproval?: boolean;
  /** Category id (as a string key) → complexity class. */
  defaultComplexity?: Record<string, ComplexityClass>;
}

/** The settings in force at a node, after inheritance and defaults. */
export interface EffectiveSettings extends InstitutionSettings {
  defaultComplexity: Record<string, ComplexityClass>;
}

/** The core's default: follow-ups need approval unless the institution says otherwise (domain.md §5). */
export const DEFAULT_SETTINGS: EffectiveSettings = { followUpRequiresApproval: true, defaultComplexity: {} };

/** The known keys of a stored settings object; anything else in the jsonb is ignored. */
export function storedSettingsOf(raw: unknown): StoredSettings {
  const s = (raw ?? {}) as Record<string, unknown>;
  const out: StoredSettings = {};
  if (typeof s.followUpRequiresApproval === 'boolean')
    out.followUpRequiresApproval = s.followUpRequiresApproval;
  if (s.defaultComplexity && typeof s.defaultComplexity === 'object') {
    const entries = Object.entries(s.defaultComplexity as Record<string, unknown>).filter(
      (e): e is [string, ComplexityClass] => (COMPLEXITY_CLASSES as readonly unknown[]).includes(e[1]),
    );
    out.defaultComplexity = Object.fromEntries(entries);
  }
  return out;
}

/** Resolves the settings along a path of nodes, root first: the nearest setting wins, per category too. */
export function resolveSettings(nodes: readonly Pick<InstitutionRecord, 'settings'>[]): EffectiveSettings {
  const out: EffectiveSettings = { ...DEFAULT_SETTINGS, defaultComplexity: {} };
  for (const node of nodes) {
    const s = storedSettingsOf(node.settings);
    if (s.followUpRequiresApproval !== undefined) out.followUpRequiresApproval = s.followUpRequiresApproval;
    Object.assign(out.defaultComplexity, s.defaultComplexity ?? {});
  }
  return out;
}

/**
 * The settings in force for reports held by an institution or unit (null = the national queue: defaults).
 * The lifecycle reads `followUpRequiresApproval` from here; acknowledging proposes `defaultComplexity[categoryId]`.
 */
export async function effectiveSettings(
  store: Pick<InstitutionAdminStore, 'node' | 'pathNodes'>,
  institutionId: number | null,
): Promise<EffectiveSettings> {
  if (institutionId === null) return { ...DEFAULT_SETTINGS, defaultComplexity: {} };
  const node = await store.node(institutionId);
  if (!node) return { ...DEFAULT_SETTINGS, defaultComplexity: {} };
  return resolveSettings(await store.pathNodes(node.path));
}
