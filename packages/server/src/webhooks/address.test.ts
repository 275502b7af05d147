import { describe, expect, it } from 'vitest';
import { addressKind, checkUrlShape, isRefusal, resolveSafe } from './address';

describe('webhook address rules', () => {
  it('classifies every non-public range and lets public addresses through', () => {
    const cases: [string, string | null][] = [
      ['8.8.8.8', null],
      ['203.0.113.9', null],
      ['224.0.0.1', 'multicast'],
      ['2001:4860:4860::8888', null],
      ['10.0.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['172.32.0.1', null],
      ['192.168.0.1', 'private'],
      ['100.64.0.1', 'private'],
      ['127.0.0.1', 'loopback'],
      ['::1', 'loopback'],
      ['169.254.169.254', 'link_local'],
      ['fe80::1', 'link_local'],
      ['fd00::1', 'private'],
      ['ff02::1', 'multicast'],
      ['0.0.0.0', 'unspecified'],
      ['::', 'unspecified'],
      ['::ffff:10.0.0.1', 'private'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:8.8.8.8', null],
    ];
    for (const [ip, kind] of cases) expect(addressKind(ip), ip).toBe(kind);
  });

  it('refuses a host when any of its addresses is not public, and allows loopback only with the flag', async () => {
    const u = new URL('https://hooks.example.id/x');
    const mixed = await resolveSafe(
      u,
      async () => [
        { address: '8.8.8.8', family: 4 },
        { address: '10.0.0.1', family: 4 },
      ],
      false,
    );
    expect(isRefusal(mixed) && mixed.code).toBe('private_address');
    const ok = await resolveSafe(u, async () => [{ address: '8.8.8.8', family: 4 }], false);
    expect(ok).toEqual({ address: '8.8.8.8', family: 4 });
    const none = await resolveSafe(u, async () => [], false);
    expect(isRefusal(none) && none.code).toBe('unresolvable_host');
    const lo = new URL('http://127.0.0.1:9/x');
    expect(isRefusal(checkUrlShape(lo.href, false))).toBe(true);
    expect(isRefusal(checkUrlShape(lo.href, true))).toBe(false);
    expect(isRefusal(await resolveSafe(lo, async () => [], false))).toBe(true);
    expect(isRefusal(await resolveSafe(lo, async () => [], true))).toBe(false);
    expect(isRefusal(checkUrlShape('http://example.com/x', true))).toBe(true);
  });
});
