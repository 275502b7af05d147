/**
 * Trusting a peer instance (ADR 0013): its operator's identity document is read, its signature checked, and the
 * peer stored only when the fingerprint this operator was told over another channel matches, every institution it
 * claims exists here, and none is already handled by another instance.
 */
import { type FederationPeer, type FederationRegistry, fail } from '@pintu/core';
import { type InstanceIdentity, readIdentity } from '../../security/instance-identity';

const IDENTITY_PROBLEMS = {
  not_json: 'Dokumen identitas bukan JSON.',
  not_an_identity: 'Ini bukan dokumen identitas instans Pintu.',
  bad_signature: 'Tanda tangan dokumen identitas tidak sah.',
} as const;

/** The fingerprint as people type it: case, spaces and colons do not matter. */
const normalised = (fingerprint: string) => fingerprint.toLowerCase().replace(/[\s:]/g, '');

export async function trustPeer(
  deps: { federation: FederationRegistry; now: Date; self: string },
  input: { document: string; fingerprint: string; trustedBy: string },
): Promise<{ peer: FederationPeer; identity: InstanceIdentity; fingerprint: string }> {
  const read = readIdentity(input.document);
  if (!read.ok)
    return fail('VALIDATION', IDENTITY_PROBLEMS[read.problem], [
      { field: 'document', code: read.problem, message: IDENTITY_PROBLEMS[read.problem] },
    ]);
  const { identity, fingerprint } = read;
  if (identity.slug === deps.self)
    return fail('VALIDATION', 'Ini identitas instans ini sendiri.', [
      { field: 'document', code: 'self', message: identity.slug },
    ]);
  if (normalised(input.fingerprint) !== normalised(fingerprint))
    return fail('VALIDATION', 'Sidik jari kunci tidak cocok: jangan percayai dokumen ini.', [
      { field: 'fingerprint', code: 'mismatch', message: fingerprint },
    ]);
  const unknown = await deps.federation.unknownInstitutionCodes(identity.handles);
  if (unknown.length)
    return fail('VALIDATION', 'Instans itu menangani instansi yang tidak dikenal di sini.', [
      { field: 'handles', code: 'unknown_institution', message: unknown.join(', ') },
    ]);
  const taken = (await deps.federation.authority()).filter(
    (e) => identity.handles.includes(e.institutionCode) && e.instance !== identity.slug,
  );
  if (taken.length)
    return fail(
      'CONFLICT',
      'Sebagian instansi itu sudah ditangani instans lain.',
      taken.map((e) => ({
        field: 'handles',
        code: 'handled_elsewhere',
        message: `${e.institutionCode}: ${e.instance}`,
      })),
    );
  const peer: FederationPeer = {
    slug: identity.slug,
    name: identity.name,
    baseUrl: identity.baseUrl,
    publicKey: identity.publicKey,
    state: 'trusted',
    identityIssuedAt: new Date(identity.issuedAt * 1000),
    trustedAt: deps.now,
    trustedBy: input.trustedBy,
  };
  await deps.federation.trust(peer, identity.handles);
  return { peer, identity, fingerprint };
}
