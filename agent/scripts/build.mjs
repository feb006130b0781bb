// Bundles the agent into one file that plain `node` (>= 20.19) runs: dist/parc-agent.mjs, with
// @parc/shared, net-snmp, jose, undici and the built-in recipes inside. Copy that file to a site and run it.
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const agentDir = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${agentDir}dist/parc-agent.mjs`;

await build({
  entryPoints: [`${agentDir}src/cli.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'eof',
  // net-snmp and undici are CommonJS and require() Node's modules; an ES module has no require of its own.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as parcAgentRequire } from 'node:module';\nconst require = parcAgentRequire(import.meta.url);" },
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
console.log(`built ${outfile}`);
