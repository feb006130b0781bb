/**
 * The demo's readings are dated today (its agent and its history end at start-up): a customer
 * reading the display a few hours later must see an ordinary value accepted, not flagged "to check"
 * with a rate computed over almost no time. A value of several usual months is still flagged, and
 * the reason speaks in pages and months, in the page's language.
 */
import type { MeterEntryPage as PageData } from '@parc/shared';
import { describe, expect, it } from 'vitest';
import { MeterEntryPage } from '../page-models/meter-entry.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();

/** The demo customer's meter link, as the server prints it at start-up. */
function demoToken(output: string): string {
  const match = output.match(/\/m\/([A-Za-z0-9_\-.]+)/);
  if (!match) throw new Error(`no demo meter link in the server's output:\n${output}`);
  return match[1]!;
}

describe('a reading hours after the last one (issue 14, item 2)', () => {
  it('accepts an ordinary value and flags only several usual months, explained in pages per month', async () => {
    const token = demoToken(spec.server.output());
    const data = (await (await fetch(`${spec.server.baseURL}/api/links/${token}`)).json()) as PageData;
    const machine = data.machines.find((candidate) => candidate.counters.some((counter) => counter.counter === 'mono' && counter.last))!;
    const last = machine.counters.find((counter) => counter.counter === 'mono')!.last!;
    // The last reading is from today: the old rule divided by one working day and flagged ~1,300 pages.
    expect(new Date(last.takenAt).toDateString()).toBe(new Date().toDateString());

    const device = await spec.openDevice('phone');
    const entry = new MeterEntryPage(device.page);
    await entry.open(token);
    await entry.chooseLanguage('de');
    await entry.enter(machine.deviceCode, 'mono', last.value + 1_276);
    await entry.waitForState(machine.deviceCode, 'mono', 'entered');

    await entry.enter(machine.deviceCode, 'mono', last.value + 2_000_000);
    await entry.waitForState(machine.deviceCode, 'mono', 'to_check');
    const message = await entry.messageOf(machine.deviceCode, 'mono');
    expect(message).toContain('in einem Monat');
    expect(message).toMatch(/2[’'\u202f\s.]?000[’'\u202f\s.]?000|2000000/);
    await device.screenshot('meter-short-interval-de');
  });
});
