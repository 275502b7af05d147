/**
 * Who may manage an app's webhooks: a caller with `manage_api_keys` on the app's institution (its developers, by the
 * core policy; the national admin everywhere), or the app itself with a key that holds `webhooks:manage`. Another institution's app or endpoint is 404, not 403, so a caller
 * learns nothing of what is not theirs.
 */
import { fail, type WebhookApp, type WebhookEndpointRecord } from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { actorsOf, allows } from '../institutions/access';

export type WebhookDeps = Pick<AppDeps, 'webhooks'>;

/** Its institution's developers; or the app itself, through a key of its own with `webhooks:manage` (ADR 0012). */
const mayManage = (caller: Caller, app: WebhookApp) =>
  caller.app
    ? caller.app.appId === app.id && caller.app.permissions.includes('webhooks:manage')
    : actorsOf(caller).some((a) => allows(a, 'manage_api_keys', app.institutionPath));

/** The app, if the caller may manage it. */
export async function appForCaller(deps: WebhookDeps, caller: Caller, appId: string): Promise<WebhookApp> {
  const app = await deps.webhooks.app(appId);
  if (!app || !mayManage(caller, app)) return fail('NOT_FOUND', 'Aplikasi integrasi tidak ditemukan.');
  return app;
}

/** The endpoint and its app, if the caller may manage them. */
export async function endpointForCaller(
  deps: WebhookDeps,
  caller: Caller,
  endpointId: string,
): Promise<{ app: WebhookApp; endpoint: WebhookEndpointRecord }> {
  const endpoint = await deps.webhooks.get(endpointId);
  const app = endpoint ? await deps.webhooks.app(endpoint.appId) : null;
  if (!endpoint || !app || !mayManage(caller, app))
    return fail('NOT_FOUND', 'Endpoint webhook tidak ditemukan.');
  return { app, endpoint };
}
