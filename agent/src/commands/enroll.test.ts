import { readFileSync, statSync } from 'node:fs';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../config/agent-config.ts';
import { agentPaths } from '../config/paths.ts';
import { loadCredential, loadState } from '../config/store.ts';
import { FakeBackend } from '../test/fake-backend.ts';
import { BackendClient } from '../upload/client.ts';
import { createSigner } from '../upload/signer.ts';
import { enroll } from './enroll.ts';
import { tempDir } from '../test/temp-dir.ts';

const KEY = 'WTCD-GSAL-RGHJ-QJYS';
let backend: FakeBackend;

beforeEach(async () => {
  backend = await new FakeBackend().start();
  backend.keys.set(KEY, 'unused');
});
afterEach(() => backend.stop());

const enrollWith = (overrides: { server?: string; key?: string; dir?: string } = {}) => {
  const paths = agentPaths(overrides.dir ?? tempDir('parc-enroll-'));
  const lines: string[] = [];
  const done = enroll({
    paths,
    server: overrides.server ?? backend.url,
    key: overrides.key ?? KEY,
    hostname: 'site-pc',
    platform: 'linux',
    version: '0.1.0',
    now: () => new Date('2026-03-01T08:00:00Z'),
    out: (line) => lines.push(line),
  });
  return { paths, lines, done };
};

describe('enroll', () => {
  it('stores a credential (0600) whose signatures the server verifies with the enrolled public key', async () => {
    const { paths, done, lines } = enrollWith({ key: 'wtcd-gsal-rghj-qjys' });
    const { agentId } = await done;
    const credential = loadCredential(paths);
    expect(credential).toMatchObject({ agentId, server: backend.url, enrolledAt: '2026-03-01T08:00:00.000Z' });
    expect(statSync(paths.credentials).mode & 0o777).toBe(0o600);
    expect(loadSettings(paths).server).toBe(backend.url);
    expect(loadState(paths).config?.agentId).toBe(agentId);
    expect(lines.join('\n')).toContain(`as agent ${agentId}`);

    const token = await (await createSigner(credential!))();
    const enrolled = backend.agents.get(credential!.credentialId)!;
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'EdDSA', kid: credential!.credentialId });
    const { payload } = await jwtVerify(token, await importJWK(enrolled.publicKey, 'EdDSA'));
    expect(payload.sub).toBe(agentId);
    expect(readFileSync(paths.credentials, 'utf8')).not.toContain(KEY);

    const signer = await createSigner(credential!);
    await expect(new BackendClient(backend.url, { signer }).fetchConfig()).resolves.toMatchObject({ agentId });
  });

  it.each([
    ['a malformed key', { key: 'WTCD-GSAL-RGHJ' }, /not an enrollment key: expected 4 groups of 4 letters/],
    ['a key with digits', { key: 'WTCD-GSAL-RGHJ-QJY5' }, /not an enrollment key/],
    ['an unknown key', { key: 'AAAA-BBBB-CCCC-DDDD' }, /unknown to the server/],
    ['a server that is not a URL', { server: 'parc.example.com' }, /--server must be a URL/],
  ])('refuses %s with a clear message', async (_case, overrides, message) => {
    const { done, paths } = enrollWith(overrides);
    await expect(done).rejects.toThrow(message);
    expect(loadCredential(paths)).toBeUndefined();
  });

  it('says an unreachable server cannot be reached, and where to look', async () => {
    const down = await new FakeBackend().start();
    await down.stop();
    const { done } = enrollWith({ server: down.url });
    await expect(done).rejects.toThrow(new RegExp(`cannot reach ${down.url}: ECONNREFUSED\\. Check the address, this computer's network, and the proxy settings`));
  });

  it('refuses an already used key, and accepts it again once the agent is revoked', async () => {
    const first = await enrollWith().done;
    await expect(enrollWith().done).rejects.toThrow(/already used\. Ask your dealer for a new key/);
    backend.revoke(first.agentId);
    const second = await enrollWith().done;
    expect(second.agentId).not.toBe(first.agentId);
  });
});
