import path from 'node:path';

export type Platform = { os: NodeJS.Platform; env: Record<string, string | undefined>; home: string; isRoot: boolean };

/** Where the agent keeps agent.config, its credential, journal and logs when --config-dir is not given. */
export function defaultConfigDir({ os, env, home, isRoot }: Platform): string {
  if (os === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'parc-agent');
  if (os === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'parc-agent');
  if (isRoot) return '/etc/parc-agent';
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), 'parc-agent');
}

/** Every file the agent writes, by name, relative to its config folder. */
export function agentPaths(dir: string) {
  return {
    dir,
    config: path.join(dir, 'agent.config'),
    secretKey: path.join(dir, 'agent.key'),
    credentials: path.join(dir, 'credentials.json'),
    state: path.join(dir, 'state.json'),
    devices: path.join(dir, 'devices.json'),
    journal: path.join(dir, 'journal.ndjson'),
    rejected: path.join(dir, 'rejected.ndjson'),
    logs: path.join(dir, 'logs'),
  };
}
export type AgentPaths = ReturnType<typeof agentPaths>;
