/** The client's address: the socket's peer, or behind a trusted reverse proxy the last X-Forwarded-For entry. */
import { isIP } from 'node:net';
import type { Context } from 'hono';

/** The caller's IP address, or null when it cannot be told (in-process requests without a proxy header). */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    // The last entry is the one our own proxy appended; anything before it the client could have written.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  type Bindings = { incoming?: { socket?: { remoteAddress?: string } } };
  const env = c.env as (Bindings & { server?: Bindings }) | undefined;
  const peer = (env?.server ?? env)?.incoming?.socket?.remoteAddress;
  return peer && isIP(peer) ? peer : null;
}
