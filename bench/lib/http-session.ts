/** Signing in to a running server over HTTP as staff do (better-auth e-mail and password), for the benchmarks. */

export interface Session {
  /** Headers a signed-in request sends: the session cookie and a trusted Origin (the CSRF check of POSTs). */
  headers: Record<string, string>;
}

/** The server's own origin: PUBLIC_URL, or http://localhost:PORT (what it trusts by default). */
export const originOf = (serverUrl: string) =>
  process.env.PUBLIC_URL ?? `http://localhost:${new URL(serverUrl).port}`;

export async function signIn(serverUrl: string, email: string, password: string): Promise<Session> {
  const origin = originOf(serverUrl);
  const res = await fetch(`${serverUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
  if (!cookie.includes('session_token')) throw new Error(`sign-in of ${email}: no session cookie`);
  return { headers: { cookie, origin } };
}

/** GET as JSON; throws with the body on a non-2xx. */
export async function getJson<T = Record<string, unknown>>(
  url: string,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** POST JSON; returns status and parsed body. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {}
  return { status: res.status, json, text };
}
