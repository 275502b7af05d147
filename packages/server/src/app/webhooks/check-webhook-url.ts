/**
 * A webhook URL at registration (issue 12, SSRF): the URL's own rules, then every address its host resolves to now;
 * each refusal is a field-level 422 on `url`. The worker checks the address again at every delivery.
 */
import { failField } from '@pintu/core';
import {
  checkUrlShape,
  isRefusal,
  loopbackAllowedByEnv,
  type Resolve,
  resolveSafe,
  systemResolve,
} from '../../webhooks/address';

/** How registration resolves hosts; tests replace it to answer private addresses for a public-looking name. */
export interface UrlCheckDeps {
  resolveHost?: Resolve;
}

/** Returns the URL as given, or ends the request with a 422 naming `url`. */
export async function checkWebhookUrl(deps: UrlCheckDeps, raw: string): Promise<string> {
  const allowLoopback = loopbackAllowedByEnv();
  const shape = checkUrlShape(raw, allowLoopback);
  if (isRefusal(shape)) return failField('url', shape.code, shape.message);
  const address = await resolveSafe(shape, deps.resolveHost ?? systemResolve, allowLoopback);
  if (isRefusal(address)) return failField('url', address.code, address.message);
  return raw;
}
