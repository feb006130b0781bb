import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGENT_LIMITS, type DiscoveryReport } from '@parc/shared/contracts/agents';
import { FakeBackend } from '../test/fake-backend.ts';
import { BackendClient } from './client.ts';
import { createSigner, generateAgentKeyPair } from './signer.ts';

const KEY = 'WTCD-GSAL-RGHJ-QJYS';

let backend: FakeBackend;
let client: BackendClient;
beforeEach(async () => {
  backend = await new FakeBackend().start();
  backend.keys.set(KEY, 'unused');
  const { privateJwk, publicJwk } = await generateAgentKeyPair();
  const enrolled = await new BackendClient(backend.url).enroll({ key: KEY, publicKey: publicJwk, hostname: 'h', platform: 'p', version: '0' });
  client = new BackendClient(backend.url, { signer: await createSigner({ agentId: enrolled.agentId, credentialId: enrolled.credentialId, privateJwk }) });
});
afterEach(() => backend.stop());

function report(found: number, failures: number): DiscoveryReport {
  return {
    scanId: randomUUID(),
    startedAt: '2026-11-20T07:00:00.000Z',
    finishedAt: '2026-11-20T07:30:00.000Z',
    progress: { probed: 65_534, total: 65_534 },
    found: Array.from({ length: found }, (_, n) => ({ ip: `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`, serial: `SN-${n}`, mac: null, manufacturer: 'HP', model: null })),
    failures: Array.from({ length: failures }, (_, n) => ({ ip: `10.9.${n >> 8}.${n & 255}`, reason: 'timeout' as const, message: 'no answer' })),
  };
}

describe('discovery reports in pages', () => {
  it.each([
    ['a small scan', 3, 2, 1],
    ['exactly one full page', AGENT_LIMITS.foundPerPage, 0, 1],
    ['one printer more than a page', AGENT_LIMITS.foundPerPage + 1, 0, 2],
    ['many printers', 2 * AGENT_LIMITS.foundPerPage + 500, 10, 3],
    ['many failures, few printers', 4, 3 * AGENT_LIMITS.failuresPerPage, 3],
  ])('sends %s as pages the server accepts, in order, the last one closing the scan', async (_name, found, failures, pages) => {
    const sent = report(found, failures);
    await client.reportDiscovery(sent);
    // The fake backend parses every page with the contract: each one fits the limits.
    expect(backend.reports).toHaveLength(pages);
    expect(backend.reports.map((page) => page.page)).toEqual(Array.from({ length: pages }, (_, index) => ({ index, last: index === pages - 1 })));
    expect(backend.reports.every((page) => page.found.length <= AGENT_LIMITS.foundPerPage && page.failures.length <= AGENT_LIMITS.failuresPerPage)).toBe(true);
    expect(backend.reports.map((page) => page.finishedAt)).toEqual(backend.reports.map((_page, index) => (index === pages - 1 ? sent.finishedAt : null)));
    expect(backend.reports.every((page) => page.scanId === sent.scanId && page.progress.probed === sent.progress.probed)).toBe(true);
    expect(backend.reports.flatMap((page) => page.found)).toEqual(sent.found);
    expect(backend.reports.flatMap((page) => page.failures)).toEqual(sent.failures);
  });

  it('keeps a scan still running open on every page', async () => {
    await client.reportDiscovery({ ...report(AGENT_LIMITS.foundPerPage * 2, 0), finishedAt: null });
    expect(backend.reports.map((page) => page.finishedAt)).toEqual([null, null]);
    expect(backend.reports.at(-1)!.page).toEqual({ index: 1, last: true });
  });
});
