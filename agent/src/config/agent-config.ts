import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { DomainError } from '@parc/shared';
import { writeFileAtomic } from './files.ts';
import type { AgentPaths } from './paths.ts';
import { decryptSecret, encryptSecret, isEncrypted, loadOrCreateKey } from './secret.ts';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type AgentSettings = {
  server: string | null;
  /** host:port of an HTTP proxy. */
  proxyHost: string | null;
  proxyUser: string | null;
  proxyPassword: string | null;
  /** Accept any TLS certificate (a proxy that re-signs traffic). */
  sslTrustAll: boolean;
  logLevel: LogLevel;
};

const KEYS = ['server', 'proxyHost', 'proxyUser', 'proxyPassword', 'sslTrustAll', 'logLevel'] as const;
type Key = (typeof KEYS)[number];

export const CONFIG_TEMPLATE = `# Parc agent settings: one key=value per line, # starts a comment.
# server=https://parc.example.com
# proxyHost=proxy.example.lan:3128
# proxyUser=
# proxyPassword=   (type it in plain text: the agent encrypts it when it next starts)
# sslTrustAll=false
# logLevel=info
`;

/** key=value lines; blank lines and # comments are kept untouched when the agent rewrites the file. */
export function parseSettings(text: string): AgentSettings {
  const values = new Map<Key, string>();
  for (const [number, rawLine] of text.split(/\r?\n/).entries()) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    const key = line.slice(0, Math.max(equals, 0)).trim();
    if (equals < 0 || !(KEYS as readonly string[]).includes(key))
      throw new DomainError('bad_request', `agent.config line ${number + 1}: expected one of ${KEYS.join(', ')} as key=value, got "${line}"`, { field: key });
    values.set(key as Key, line.slice(equals + 1).trim());
  }
  const valueOf = (key: Key) => (values.get(key) ? (values.get(key) as string) : null);
  const server = valueOf('server');
  if (server !== null && !/^https?:\/\/[^/\s]+/.test(server))
    throw new DomainError('bad_request', `agent.config: server must be a URL like https://parc.example.com, got "${server}"`, { field: 'server' });
  const sslTrustAll = (values.get('sslTrustAll') ?? 'false').toLowerCase();
  if (sslTrustAll !== 'true' && sslTrustAll !== 'false')
    throw new DomainError('bad_request', 'agent.config: sslTrustAll must be true or false', { field: 'sslTrustAll' });
  const logLevel = (values.get('logLevel') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new DomainError('bad_request', `agent.config: logLevel must be one of ${LOG_LEVELS.join(', ')}`, { field: 'logLevel' });
  return {
    server: server?.replace(/\/+$/, '') ?? null,
    proxyHost: valueOf('proxyHost'),
    proxyUser: valueOf('proxyUser'),
    proxyPassword: valueOf('proxyPassword'),
    sslTrustAll: sslTrustAll === 'true',
    logLevel: logLevel as LogLevel,
  };
}

/** Sets one key, in place when the file has it, else appended. */
export function withSetting(text: string, key: Key, value: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.trim().startsWith(`${key}=`) || line.trim().startsWith(`${key} =`));
  if (index >= 0) lines[index] = `${key}=${value}`;
  else lines.splice(lines.at(-1) === '' ? lines.length - 1 : lines.length, 0, `${key}=${value}`);
  return lines.join('\n');
}

function readConfigText(paths: AgentPaths): string {
  return existsSync(paths.config) ? readFileSync(paths.config, 'utf8') : CONFIG_TEMPLATE;
}

/**
 * Reads agent.config. A proxyPassword typed in plain text is encrypted (AES-256-GCM, key in
 * agent.key) and written back in place of the plain one; the settings returned hold it decrypted.
 */
export function loadSettings(paths: AgentPaths): AgentSettings {
  const text = readConfigText(paths);
  const settings = parseSettings(text);
  if (settings.proxyPassword === null) return settings;
  const key = loadOrCreateKey(paths.secretKey);
  if (isEncrypted(settings.proxyPassword)) return { ...settings, proxyPassword: decryptSecret(settings.proxyPassword, key) };
  writeFileAtomic(paths.config, withSetting(text, 'proxyPassword', encryptSecret(settings.proxyPassword, key)), 0o600);
  return settings;
}

export function saveSetting(paths: AgentPaths, key: Key, value: string): void {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  writeFileAtomic(paths.config, withSetting(readConfigText(paths), key, value), 0o600);
}
