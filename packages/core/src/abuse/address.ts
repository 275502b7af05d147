/**
 * Which client addresses the per-address limit counts, and as what. A loopback, private, shared (CGNAT) or
 * link-local peer is the server's own proxy or network, never one client: counting it would count everyone
 * (a proxy without TRUST_PROXY), so it is not counted at all. An IPv6 client is counted by its /64, the
 * subscriber's own prefix (it can pick any address inside it).
 */

function ipv4Octets(ip: string): number[] | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return octets.every((o) => o >= 0 && o <= 255) ? octets : null;
}

function publicIpv4(o: number[]): boolean {
  const [a, b] = o as [number, number];
  return !(
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function ipv6Groups(ip: string): number[] | null {
  const halves = ip.toLowerCase().split('::');
  if (halves.length > 2) return null;
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const head = part(halves[0]!);
  const tail = halves.length === 2 ? part(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16));
}

/** The address as the limit counts it (`v4:a.b.c.d`, `v6:xxxx:xxxx:xxxx:xxxx::/64`), or null when not counted. */
export function countedAddress(ip: string | null): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const v4 = ipv4Octets(mapped ?? ip);
  if (v4) return publicIpv4(v4) ? `v4:${v4.join('.')}` : null;
  const g = ipv6Groups(ip);
  if (!g) return null;
  const first = g[0]!;
  // Unspecified and loopback (all but the last group zero), unique-local fc00::/7, link-local fe80::/10.
  if (g.slice(0, 7).every((x) => x === 0) || (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80)
    return null;
  return `v6:${g
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(':')}::/64`;
}
