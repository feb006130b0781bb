import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSettings, parseSettings, saveSetting, withSetting } from './agent-config.ts';
import { agentPaths } from './paths.ts';
import { decryptSecret, encryptSecret } from './secret.ts';
import { tempDir } from '../test/temp-dir.ts';

const freshPaths = () => agentPaths(tempDir('parc-agent-config-'));

describe('parseSettings', () => {
  it('reads key=value lines, ignoring comments and blanks', () => {
    expect(parseSettings('# comment\n\nserver = https://parc.example.com/\nsslTrustAll=TRUE\nlogLevel=debug\nproxyHost=proxy:3128\n')).toEqual({
      server: 'https://parc.example.com',
      proxyHost: 'proxy:3128',
      proxyUser: null,
      proxyPassword: null,
      sslTrustAll: true,
      logLevel: 'debug',
    });
  });

  it.each([
    ['an unknown key', 'color=blue', /line 1: expected one of/],
    ['a line without =', 'server', /line 1/],
    ['a server that is not a URL', 'server=parc.example.com', /server must be a URL/],
    ['sslTrustAll not a boolean', 'sslTrustAll=yes', /true or false/],
    ['an unknown log level', 'logLevel=trace', /logLevel must be/],
  ])('refuses %s', (_case, text, message) => {
    expect(() => parseSettings(text)).toThrow(message);
  });
});

describe('withSetting', () => {
  it.each([
    ['replaces in place', '# c\nserver=a\nlogLevel=info\n', '# c\nserver=https://b\nlogLevel=info\n'],
    ['appends before the final newline', '# c\n', '# c\nserver=https://b\n'],
  ])('%s', (_case, text, expected) => {
    expect(withSetting(text, 'server', 'https://b')).toBe(expected);
  });
});

describe('proxy password encryption', () => {
  it('replaces the plain password on first start, then reads it back', () => {
    const paths = freshPaths();
    writeFileSync(paths.config, '# proxy\nproxyHost=proxy:3128\nproxyUser=ana\nproxyPassword=s3cret=with=equals\n');

    expect(loadSettings(paths).proxyPassword).toBe('s3cret=with=equals');
    const stored = readFileSync(paths.config, 'utf8');
    expect(stored).not.toContain('s3cret');
    expect(stored).toMatch(/^# proxy\nproxyHost=proxy:3128\nproxyUser=ana\nproxyPassword=aes256gcm:\S+\n$/);
    expect(statSync(paths.secretKey).mode & 0o777).toBe(0o600);
    expect(statSync(paths.config).mode & 0o777).toBe(0o600);

    expect(loadSettings(paths).proxyPassword).toBe('s3cret=with=equals');
    expect(readFileSync(paths.config, 'utf8')).toBe(stored);
  });

  it('says what to do when the key file no longer matches', () => {
    const paths = freshPaths();
    writeFileSync(paths.config, 'proxyPassword=plain\n');
    loadSettings(paths);
    writeFileSync(paths.secretKey, `${Buffer.alloc(32, 7).toString('base64')}\n`);
    expect(() => loadSettings(paths)).toThrow(/type the password again/);
  });

  it('a tampered ciphertext does not decrypt', () => {
    const key = Buffer.alloc(32, 1);
    const encrypted = encryptSecret('pw', key);
    expect(decryptSecret(encrypted, key)).toBe('pw');
    expect(() => decryptSecret(`${encrypted.slice(0, -4)}AAA=`, key)).toThrow(/cannot be read/);
  });

  it('saveSetting creates the file from the template', () => {
    const paths = freshPaths();
    saveSetting(paths, 'server', 'https://parc.example.com');
    expect(parseSettings(readFileSync(paths.config, 'utf8')).server).toBe('https://parc.example.com');
  });
});
