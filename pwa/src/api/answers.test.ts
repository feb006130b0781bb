import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../platform/storage.memory.ts';
import { answerKeeper, forgetAnswers, forgetShownAnswers, KEPT_ANSWERS, keptAnswersShownSince } from './answers.ts';
import { createApiClient } from './client.ts';

/** A network that answers `body` until it is cut. */
function network(body: unknown) {
  let online = true;
  const fetchImpl = (async () => {
    if (!online) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetchImpl, cut: () => (online = false) };
}

describe("the console's kept answers", () => {
  it('answers a question asked before with its last answer once offline, and says since when', async () => {
    forgetShownAnswers();
    const keeper = answerKeeper(createMemoryStorage(), 'user-1');
    const { fetchImpl, cut } = network({ items: ['Zürcher Druck'] });
    const client = createApiClient({ fetchImpl, keeper: () => keeper });
    expect(await client.request('GET', '/api/customers')).toEqual({ ok: true, data: { items: ['Zürcher Druck'] } });
    expect(keptAnswersShownSince()).toBeNull();
    cut();
    expect(await client.request('GET', '/api/customers')).toEqual({ ok: true, data: { items: ['Zürcher Druck'] } });
    expect(keptAnswersShownSince()).toBeInstanceOf(Date);
    // Never asked online: nothing to show. A change is never answered from what was kept.
    expect(await client.request('GET', '/api/devices')).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(await client.request('POST', '/api/customers', { name: 'x' })).toMatchObject({ ok: false, error: { code: 'offline' } });
    forgetShownAnswers();
    expect(keptAnswersShownSince()).toBeNull();
  });

  it("keeps each person's answers apart: the next person on the device starts with none, and signing out forgets them", async () => {
    const storage = createMemoryStorage();
    const first = answerKeeper(storage, 'user-1');
    await first.keep('/api/customers', { items: [1] }, new Date('2026-12-05T08:00:00Z'));
    expect(await first.recall('/api/customers')).toEqual({ data: { items: [1] }, savedAt: '2026-12-05T08:00:00.000Z' });

    const second = answerKeeper(storage, 'user-2');
    expect(await second.recall('/api/customers')).toBeUndefined();
    await second.keep('/api/devices', { items: [2] }, new Date());
    // The first person's answers went when the second's were first kept.
    expect(await storage.get('answer:user-1:/api/customers')).toBeUndefined();

    await forgetAnswers(storage);
    expect(await second.recall('/api/devices')).toBeUndefined();
  });

  it(`keeps the ${KEPT_ANSWERS} latest answers, forgetting the oldest first, and loses none kept at once`, async () => {
    const storage = createMemoryStorage();
    const keeper = answerKeeper(storage, 'user-1');
    const at = new Date('2026-12-05T08:00:00Z');
    await Promise.all(Array.from({ length: KEPT_ANSWERS + 5 }, (_, index) => keeper.keep(`/api/devices/${index}`, index, at)));
    expect(await keeper.recall('/api/devices/4')).toBeUndefined();
    expect(await keeper.recall('/api/devices/5')).toMatchObject({ data: 5 });
    expect(await keeper.recall(`/api/devices/${KEPT_ANSWERS + 4}`)).toMatchObject({ data: KEPT_ANSWERS + 4 });
    // Asked again, an answer is the newest.
    await keeper.keep('/api/devices/5', 'again', at);
    await keeper.keep('/api/devices/new', 'new', at);
    expect(await keeper.recall('/api/devices/5')).toMatchObject({ data: 'again' });
    expect(await keeper.recall('/api/devices/6')).toBeUndefined();
  });
});
