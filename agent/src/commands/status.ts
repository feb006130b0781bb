import { existsSync, readFileSync } from 'node:fs';
import { loadSettings } from '../config/agent-config.ts';
import type { AgentPaths } from '../config/paths.ts';
import { loadCredential, loadDevices, loadState } from '../config/store.ts';
import { Journal } from '../upload/journal.ts';

export function statusLines(paths: AgentPaths): string[] {
  const credential = loadCredential(paths);
  const state = loadState(paths);
  const rejected = existsSync(paths.rejected) ? readFileSync(paths.rejected, 'utf8').split('\n').filter(Boolean).length : 0;
  const lines = [
    `config folder: ${paths.dir}`,
    credential ? `enrolled: yes, agent ${credential.agentId} on ${loadSettings(paths).server ?? credential.server} (since ${credential.enrolledAt})` : 'enrolled: no (run parc-agent enroll --server URL --key KEY)',
  ];
  if (state.revokedAt) lines.push(`REVOKED at ${state.revokedAt}: this agent's credential was revoked by your dealer; enroll again with a new key`);
  lines.push(
    `last contact: ${state.lastContactAt ?? 'never'}`,
    `last scan: ${state.lastScanAt ?? 'never'}`,
    `known printers: ${loadDevices(paths).length}`,
    `journal: ${Journal.open(paths.journal, paths.rejected).size()} sample(s) waiting to be sent, ${rejected} rejected by the server (see ${paths.rejected})`,
  );
  if (state.lastErrors.length === 0) lines.push('last errors: none');
  else lines.push('last errors:', ...state.lastErrors.map((error) => `  ${error.at} ${error.message}`));
  return lines;
}
