/**
 * Issue 14, item 3, in Italian: once the dealer has accepted or corrected a value, the customer sees
 * it as settled (the dealer's value, no input, a line inviting them to contact the dealer), and a
 * change typed on a page opened before the dealer's decision is refused and shown as settled.
 */
import type { MeterEntryMachine, MeterEntryPage as PageData } from '@parc/shared';
import { describe, expect, it } from 'vitest';
import { demoMeterToken, MeterEntryPage } from '../page-models/meter-entry.ts';
import { demoAdmin, sessionCookie } from '../support/accounts.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();

/** Digits only, so "344 805" or "344’805" still contains 344805. */
const digits = (text: string) => text.replace(/(\d)[\s'’.,\u00a0\u202f](?=\d)/g, '$1');

async function api(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}): Promise<Response> {
  return fetch(`${spec.server.baseURL}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** The dealer's review queue entry for a counter the customer flagged "to check". */
async function flaggedReading(cookie: string, deviceId: string, counter: string): Promise<{ readingId: string; value: number }> {
  const { items } = (await (await api('/api/readings/to-check', { cookie })).json()) as { items: { readingId: string; deviceId: string; counter: string; value: number }[] };
  const item = items.find((candidate) => candidate.deviceId === deviceId && candidate.counter === counter);
  expect(item, `a reading to check for ${deviceId} ${counter}`).toBeDefined();
  return item!;
}

const lastOf = (machine: MeterEntryMachine, counter: string) => machine.counters.find((candidate) => candidate.counter === counter)!.last!.value;

describe('a value the dealer accepted or corrected (Italian)', () => {
  it('shows accepted and corrected values as settled, with the dealer to contact, and refuses a later change on the page', async () => {
    const token = demoMeterToken(spec.server.output());
    const data = (await (await api(`/api/links/${token}`)).json()) as PageData;
    const [first, second] = data.machines.filter((machine) => machine.counters.every((counter) => counter.last));
    const accepted = { machine: first!, counter: first!.counters[0]!.counter };
    const corrected = { machine: second!, counter: second!.counters[0]!.counter };
    const cookie = await sessionCookie(spec.server.baseURL, demoAdmin);

    const phone = await spec.openDevice('phone');
    const entry = new MeterEntryPage(phone.page);
    await entry.open(token);
    await entry.chooseLanguage('it');

    // Two far too high values: both wait for the dealer's review.
    for (const { machine, counter } of [accepted, corrected]) {
      await entry.enter(machine.deviceCode, counter, lastOf(machine, counter) + 3_000_000);
      await entry.waitForState(machine.deviceCode, counter, 'to_check');
    }
    const acceptedValue = lastOf(accepted.machine, accepted.counter) + 3_000_000;
    const correctedValue = lastOf(corrected.machine, corrected.counter) + 3_000;

    // The dealer accepts one and corrects the other while the customer's page stays open.
    const toAccept = await flaggedReading(cookie, accepted.machine.deviceId, accepted.counter);
    expect((await api(`/api/readings/${toAccept.readingId}/accept`, { method: 'POST', body: { note: 'Gros tirage confirmé' }, cookie })).status).toBe(200);
    const toCorrect = await flaggedReading(cookie, corrected.machine.deviceId, corrected.counter);
    expect((await api(`/api/readings/${toCorrect.readingId}/correct`, { method: 'POST', body: { value: correctedValue, note: 'Photo du compteur' }, cookie })).status).toBe(200);

    // A change typed on the page opened before the dealer's decision: refused, and the counter turns settled.
    await entry.enter(corrected.machine.deviceCode, corrected.counter, lastOf(corrected.machine, corrected.counter) + 5_000);
    await entry.waitForState(corrected.machine.deviceCode, corrected.counter, 'settled');
    expect(digits(await entry.valueOf(corrected.machine.deviceCode, corrected.counter))).toBe(String(correctedValue));
    const refusal = digits(await entry.messageOf(corrected.machine.deviceCode, corrected.counter));
    expect(refusal).toContain(`Il suo fornitore ha convalidato il valore ${correctedValue}`);

    // Opened again: both settled, with the dealer's values, nothing to edit, the dealer to contact.
    await phone.page.reload();
    for (const [{ machine, counter }, value] of [
      [accepted, acceptedValue],
      [corrected, correctedValue],
    ] as const) {
      await entry.waitForState(machine.deviceCode, counter, 'settled');
      const row = entry.counter(machine.deviceCode, counter);
      expect(digits(await entry.valueOf(machine.deviceCode, counter))).toBe(String(value));
      expect(await row.locator('input[name="value"]').count()).toBe(0);
      expect(await row.locator('.counter__edit').count()).toBe(0);
      const message = await entry.messageOf(machine.deviceCode, counter);
      expect(message).toContain(data.dealer.name);
      expect(message).toMatch(/contatt/i);
    }
    const contacts = phone.page.locator('#dealer-contacts');
    expect(await contacts.innerText()).toContain(data.dealer.phone!);
    await entry.counter(accepted.machine.deviceCode, accepted.counter).locator('.counter__message a').click();
    await contacts.waitFor();
    await phone.screenshot('meter-settled-it-390');

    // The API refuses the customer's change with the settled reason.
    const change = await api(`/api/links/${token}/entries`, {
      method: 'POST',
      body: { entries: [{ clientId: crypto.randomUUID(), deviceId: accepted.machine.deviceId, counter: accepted.counter, value: acceptedValue + 10 }] },
    });
    const { results } = (await change.json()) as { results: { status: string; reason?: { code: string } }[] };
    expect(results[0]).toMatchObject({ status: 'refused', reason: { code: 'settled' } });

    await phone.close();
    const tablet = await spec.openDevice('tablet');
    const wide = new MeterEntryPage(tablet.page);
    await wide.open(token);
    await wide.waitForState(accepted.machine.deviceCode, accepted.counter, 'settled');
    await tablet.screenshot('meter-settled-820');
  });
});
