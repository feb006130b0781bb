#!/usr/bin/env node
// Every test, once: installs the Debian packages the tests drive (when missing), builds the PWA,
// runs all vitest projects, and ends with one "N passed, N failed" line.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

/** Programs the tests drive, and the Debian package each comes from. */
const DEBIAN_TOOLS = [
  ['/usr/bin/chromium', 'chromium'],
  ['/usr/bin/snmpsimd', 'snmpsim'],
  ['/usr/bin/snmpbulkwalk', 'snmp'],
  ['/usr/bin/pdftotext', 'poppler-utils'],
];

function ensureDebianPackages() {
  const missing = DEBIAN_TOOLS.filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(`Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}

ensureDebianPackages();
execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});

if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\ntests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`);
}
process.exit(run.status ?? 1);
