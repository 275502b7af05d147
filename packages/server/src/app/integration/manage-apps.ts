/**
 * The developer's apps (issue 12 §1): register, list, read and change the regional apps of an institution. Allowed
 * to whoever holds `manage_api_keys` on the app's institution (developer or coordinator of it or an ancestor).
 */
import {
  type Actor,
  type AppPatch,
  can,
  fail,
  failField,
  type IntegrationApp,
  type IntegrationAuditEntry,
} from '@pintu/core';
import { newIntegrationId } from '../../security/api-keys';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { actorsOf, subjectOf } from '../institutions/access';

export type AppsDeps = Pick<AppDeps, 'integration' | 'institutionAdmin'> & { now: Date };

/** The developer actor allowed to manage apps of this institution; 403 otherwise, 404 for an unknown one. */
export async function developerFor(deps: AppsDeps, caller: Caller, institutionId: number): Promise<Actor> {
  if (caller.app)
    fail(
      'NOT_ALLOWED',
      'Aplikasi dan kunci API dikelola oleh pengembang yang masuk, bukan dengan kunci API.',
    );
  const node = await deps.institutionAdmin.node(institutionId);
  if (!node) failField('institutionId', 'unknown', 'Instansi tidak ditemukan.');
  const subject = subjectOf(node.path);
  const actor = actorsOf(caller).find((a) => can(a, 'manage_api_keys', subject));
  if (!actor)
    fail(
      'NOT_ALLOWED',
      'Anda tidak berwenang mengelola aplikasi integrasi instansi ini.',
      [],
      'manage_api_keys',
    );
  return actor;
}

/** The app, if the caller may manage it; 404 when unknown (and when out of the caller's scope: no oracle). */
export async function managedApp(
  deps: AppsDeps,
  caller: Caller,
  appId: string,
): Promise<{ app: IntegrationApp; actor: Actor }> {
  if (caller.app) fail('NOT_ALLOWED', 'Aplikasi dan kunci API dikelola oleh pengembang yang masuk.');
  const app = await deps.integration.findApp(appId);
  if (!app) fail('NOT_FOUND', 'Aplikasi tidak ditemukan.');
  try {
    return { app, actor: await developerFor(deps, caller, app.institutionId) };
  } catch {
    return fail('NOT_FOUND', 'Aplikasi tidak ditemukan.');
  }
}

/** An audit row of `actor` for an app (and a key). */
export function auditOf(
  actor: Actor,
  action: IntegrationAuditEntry['action'],
  appId: string,
  at: Date,
  detail: Record<string, unknown> | null = null,
  keyId: string | null = null,
): IntegrationAuditEntry {
  return { appId, keyId, action, actorId: actor.id, actorRole: actor.role, at, detail };
}

export interface NewApp {
  name: string;
  slug: string;
  institutionId: number;
  contactName: string;
  contactEmail: string;
}

/** Registers an app for an institution; a taken slug is 409 naming the field. */
export async function registerApp(deps: AppsDeps, caller: Caller, input: NewApp): Promise<IntegrationApp> {
  const actor = await developerFor(deps, caller, input.institutionId);
  const app: IntegrationApp = {
    id: newIntegrationId('app'),
    ...input,
    createdAt: deps.now,
    disabledAt: null,
  };
  const audit = auditOf(actor, 'register_app', app.id, deps.now, { ...input });
  if ((await deps.integration.insertApp(app, audit)) === 'slug_taken')
    fail(
      'CONFLICT',
      'Slug aplikasi sudah dipakai.',
      [{ field: 'slug', code: 'taken', message: 'Slug sudah dipakai.' }],
      'slug_taken',
    );
  return app;
}

/** The apps of every institution the caller may manage apps of (all for the national admin). */
export async function listApps(deps: AppsDeps, caller: Caller): Promise<IntegrationApp[]> {
  if (caller.app) return fail('NOT_ALLOWED', 'Aplikasi dikelola oleh pengembang yang masuk.');
  const actors = actorsOf(caller);
  if (actors.some((a) => a.role === 'national_admin')) return deps.integration.listApps('all');
  const roots = actors
    .filter((a) => a.institutionId !== null && (a.role === 'developer' || a.role === 'coordinator'))
    .map((a) => Number(a.institutionId));
  if (!roots.length)
    fail('NOT_ALLOWED', 'Anda tidak berwenang mengelola aplikasi integrasi.', [], 'manage_api_keys');
  const apps = await deps.integration.listApps('all');
  // Scope by the policy itself, per app: the number of apps is small (a few per region).
  const visible: IntegrationApp[] = [];
  for (const app of apps) {
    const node = await deps.institutionAdmin.node(app.institutionId);
    if (node && actors.some((a) => can(a, 'manage_api_keys', subjectOf(node.path)))) visible.push(app);
  }
  return visible;
}

/** Changes an app's name, contact, or disables it (its keys stop working at once) or enables it again. */
export async function updateApp(
  deps: AppsDeps,
  caller: Caller,
  appId: string,
  input: { name?: string; contactName?: string; contactEmail?: string; disabled?: boolean },
): Promise<IntegrationApp> {
  const { app, actor } = await managedApp(deps, caller, appId);
  const patch: AppPatch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.contactName !== undefined ? { contactName: input.contactName } : {}),
    ...(input.contactEmail !== undefined ? { contactEmail: input.contactEmail } : {}),
    ...(input.disabled === undefined
      ? {}
      : { disabledAt: input.disabled ? (app.disabledAt ?? deps.now) : null }),
  };
  const updated = await deps.integration.updateApp(
    appId,
    patch,
    auditOf(actor, 'update_app', appId, deps.now, { ...input }),
  );
  if (!updated) return fail('NOT_FOUND', 'Aplikasi tidak ditemukan.');
  return updated;
}
