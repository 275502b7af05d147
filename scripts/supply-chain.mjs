#!/usr/bin/env node
/**
 * The supply chain (issue 16 §8): writes the SBOM of what Pintu ships — `npm sbom --omit=dev`, CycloneDX 1.5, from
 * the committed lock — to `sbom/pintu.cdx.json`, and asks `npm audit --omit=dev` for advisories, failing on any high
 * or critical one. Where the registry in use has no audit endpoint (a mirror answers 405), it says so plainly and
 * does not pretend the check passed: `--require-audit` (or PINTU_REQUIRE_AUDIT=1) makes that a failure too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const requireAudit = process.argv.includes('--require-audit') || process.env.PINTU_REQUIRE_AUDIT === '1';

const sbom = execFileSync(npm, ['sbom', '--omit=dev', '--sbom-format=cyclonedx'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const doc = JSON.parse(sbom);
mkdirSync('sbom', { recursive: true });
writeFileSync('sbom/pintu.cdx.json', `${JSON.stringify(doc, null, 2)}\n`);
console.log(
  `SBOM: sbom/pintu.cdx.json — CycloneDX ${doc.specVersion}, ${doc.components.length} komponen / components`,
);

const audit = spawnSync(npm, ['audit', '--omit=dev', '--json'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(audit.stdout);
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const why = String(report?.message || report?.error?.summary || '').trim();
  console.log(
    `npm audit: tidak tersedia dari registry ini / not available from this registry (${why || 'no answer'})`,
  );
  process.exit(requireAudit ? 1 : 0);
}
console.log(
  `npm audit --omit=dev: critical ${counts.critical}, high ${counts.high}, moderate ${counts.moderate}, low ${counts.low}`,
);
if (counts.critical + counts.high > 0) {
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {}))
    if (v.severity === 'high' || v.severity === 'critical')
      console.log(`  ${v.severity}\t${name}\t${v.range}`);
  process.exit(1);
}
