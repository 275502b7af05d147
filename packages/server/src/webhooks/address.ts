/**
 * Where a webhook may be sent (issue 12, SSRF): the URL's rules at registration, and the addresses its host resolves
 * to — checked at registration and again at every delivery, and the delivery connects to the address checked here
 * (no second lookup, so a DNS answer cannot change between the check and the connection).
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** http to loopback is allowed only with PINTU_WEBHOOKS_ALLOW_LOOPBACK=1 (development and tests). */
export const loopbackAllowedByEnv = () => process.env.PINTU_WEBHOOKS_ALLOW_LOOPBACK === '1';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to. */
export type Resolve = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export const MAX_WEBHOOK_URL_LENGTH = 2000;

type Kind = 'loopback' | 'private' | 'link_local' | 'multicast' | 'unspecified' | 'reserved';

const ranges: [Kind, string, number, 'ipv4' | 'ipv6'][] = [
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '100.64.0.0', 10, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['link_local', '169.254.0.0', 16, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  // IPv4-compatible (deprecated) forms. IPv4-mapped ones (::ffff:a.b.c.d) need no entry: BlockList checks them
  // against the IPv4 ranges above, and a ::ffff:0:0/96 entry would match every IPv4 address.
  ['reserved', '::', 96, 'ipv6'],
  ['private', 'fc00::', 7, 'ipv6'],
  ['link_local', 'fe80::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
];
const lists = new Map<Kind, BlockList>();
for (const [kind, net, prefix, type] of ranges) {
  if (!lists.has(kind)) lists.set(kind, new BlockList());
  lists.get(kind)!.addSubnet(net, prefix, type);
}

/** What kind of non-public address this is, or null for a public one. */
export function addressKind(address: string): Kind | null {
  const family = isIP(address);
  if (family === 0) return 'reserved';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [kind, list] of lists) if (list.check(address, type)) return kind;
  return null;
}

const MESSAGES: Record<Kind, string> = {
  loopback: 'Alamat URL menuju loopback (localhost); tidak diizinkan.',
  private: 'Alamat URL menuju jaringan privat; tidak diizinkan.',
  link_local: 'Alamat URL menuju alamat link-local (mis. 169.254.169.254); tidak diizinkan.',
  multicast: 'Alamat URL menuju alamat multicast; tidak diizinkan.',
  unspecified: 'Alamat URL tidak menunjuk ke host tertentu; tidak diizinkan.',
  reserved: 'Alamat URL menuju alamat khusus yang tidak dapat dijangkau; tidak diizinkan.',
};

/** A refusal: an English code and the Indonesian message, for a field-level problem or a delivery's last error. */
export interface UrlRefusal {
  code: string;
  message: string;
}

/** Unwraps `[::1]` to `::1`. */
export const hostOf = (u: URL) => u.hostname.replace(/^\[(.*)\]$/, '$1');

/** The URL's own rules (no DNS): https, no credentials, at most 2,000 characters; http only to loopback if allowed. */
export function checkUrlShape(raw: string, allowLoopback: boolean): UrlRefusal | URL {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH)
    return { code: 'too_long', message: `URL paling panjang ${MAX_WEBHOOK_URL_LENGTH} karakter.` };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { code: 'invalid_url', message: 'URL tidak valid.' };
  }
  if (u.username || u.password)
    return { code: 'credentials_in_url', message: 'URL tidak boleh memuat nama pengguna atau kata sandi.' };
  const host = hostOf(u);
  const loopbackHost = host === 'localhost' || addressKind(host) === 'loopback';
  if (u.protocol === 'http:' && !(allowLoopback && loopbackHost))
    return { code: 'https_required', message: 'URL webhook harus memakai https.' };
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return { code: 'https_required', message: 'URL webhook harus memakai https.' };
  return u;
}

/**
 * The address to connect to for `u`: every address its host resolves to must be public (loopback only if allowed);
 * one non-public answer refuses the host, so a mixed answer cannot be used to reach inside.
 */
export async function resolveSafe(
  u: URL,
  resolve: Resolve,
  allowLoopback: boolean,
): Promise<UrlRefusal | ResolvedAddress> {
  const host = hostOf(u);
  let addresses: ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0)
      return { code: 'unresolvable_host', message: `Nama host ${host} tidak dapat di-resolve.` };
  }
  for (const a of addresses) {
    const kind = addressKind(a.address);
    if (kind === null || (kind === 'loopback' && allowLoopback)) continue;
    return { code: `${kind}_address`, message: MESSAGES[kind] };
  }
  return addresses[0]!;
}

export const isRefusal = (x: unknown): x is UrlRefusal =>
  typeof x === 'object' && x !== null && 'code' in x && 'message' in x;
