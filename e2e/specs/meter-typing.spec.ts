/**
 * Issue 14, item 1: on a phone with a slow connection (1.5 s latency through Chromium's network
 * emulation), a customer keeps typing in other counters while a save is in flight. The answer must
 * never touch another counter's field, a value being typed is never replaced by the server's state,
 * and tapping Save twice sends the value once.
 */
import type { MeterEntryPage as PageData, MeterEntryMachine } from '@parc/shared';
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoMeterToken, MeterEntryPage } from '../page-models/meter-entry.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();
const LATENCY_MS = 1_500;

async function pageData(token: string): Promise<PageData> {
  return (await (await fetch(`${spec.server.baseURL}/api/links/${token}`)).json()) as PageData;
}

/** A plausible next value of a counter: a little above its last reading. */
function nextValue(machine: MeterEntryMachine, counter: string, pages: number): string {
  const last = machine.counters.find((candidate) => candidate.counter === counter)?.last?.value ?? 0;
  return String(last + pages);
}

/** The entries the page posted, as (device, counter, value). */
function recordEntries(entry: MeterEntryPage): { deviceId: string; counter: string; value: number }[] {
  const posted: { deviceId: string; counter: string; value: number }[] = [];
  entry.page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/entries')) return;
    const body = request.postDataJSON() as { entries: { deviceId: string; counter: string; value: number }[] };
    posted.push(...body.entries.map(({ deviceId, counter, value }) => ({ deviceId, counter, value })));
  });
  return posted;
}

describe('typing while a save is in flight, on a slow phone connection', () => {
  it('keeps what is typed in other counters, on the same machine and on another one, when the answer arrives', async () => {
    const token = demoMeterToken(spec.server.output());
    const data = await pageData(token);
    const split = data.machines.find((machine) => machine.counters.length >= 2 && machine.counters.every((counter) => counter.last))!;
    const other = data.machines.find((machine) => machine !== split && machine.counters.every((counter) => counter.last))!;
    expect(split, 'a machine with two counters').toBeDefined();
    expect(other, 'a second machine').toBeDefined();
    const [saved, typed] = split.counters.map((counter) => counter.counter) as [string, string];
    const otherCounter = other.counters[0]!.counter;

    const device = await spec.openDevice('phone');
    const entry = new MeterEntryPage(device.page);
    const posted = recordEntries(entry);
    await entry.open(token);
    await entry.throttle(LATENCY_MS);

    const typedValue = nextValue(split, typed, 150);
    const otherValue = nextValue(other, otherCounter, 90);
    await entry.enter(split.deviceCode, saved, nextValue(split, saved, 120));
    await entry.waitForState(split.deviceCode, saved, 'pending');

    // While the first save is on its way: half a value in the same machine's other counter, a whole one in another machine.
    const sameMachineInput = await entry.input(split.deviceCode, typed);
    await sameMachineInput.pressSequentially(typedValue.slice(0, 2));
    const otherInput = await entry.input(other.deviceCode, otherCounter);
    await otherInput.pressSequentially(otherValue);
    expect(await entry.stateOf(split.deviceCode, saved), 'the first answer is still on its way').toBe('pending');
    await device.screenshot('meter-typing-in-flight-390');

    await entry.waitForState(split.deviceCode, saved, 'entered');
    expect(await sameMachineInput.inputValue()).toBe(typedValue.slice(0, 2));
    expect(await otherInput.inputValue()).toBe(otherValue);
    // Back in the field where the caret was left (pressSequentially would put it first), the rest of the value.
    await sameMachineInput.focus();
    await device.page.keyboard.type(typedValue.slice(2));
    expect(await sameMachineInput.inputValue()).toBe(typedValue);

    await entry.saveButton(split.deviceCode, typed).click();
    await entry.saveButton(other.deviceCode, otherCounter).click();
    await entry.waitForState(split.deviceCode, typed, 'entered');
    await entry.waitForState(other.deviceCode, otherCounter, 'entered');
    expect(await entry.valueOf(split.deviceCode, typed)).toBe(typedValue);
    expect(await entry.valueOf(other.deviceCode, otherCounter)).toBe(otherValue);
    expect(posted.filter((sent) => sent.deviceId === split.deviceId && sent.counter === typed).map((sent) => sent.value)).toEqual([Number(typedValue)]);
  });

  it('sends a value once when Save is tapped twice', async () => {
    const token = demoMeterToken(spec.server.output());
    const data = await pageData(token);
    const machine = data.machines.findLast((candidate) => candidate.counters.every((counter) => counter.last))!;
    const { counter } = machine.counters.at(-1)!;
    const device = await spec.openDevice('phone');
    const entry = new MeterEntryPage(device.page);
    const posted = recordEntries(entry);
    await entry.open(token);
    await entry.throttle(LATENCY_MS);

    const value = nextValue(machine, counter, 60);
    await (await entry.input(machine.deviceCode, counter)).fill(value);
    // Two taps in a row, the second before anything has been answered (an expression: this file has no DOM types).
    await device.page.evaluate(
      `(() => { const save = document.querySelector('article.machine[data-device-code="${machine.deviceCode}"] li.counter[data-counter="${counter}"] button[type="submit"]'); save.click(); save.click(); })()`,
    );
    await entry.waitForState(machine.deviceCode, counter, 'entered');
    expect(posted.filter((sent) => sent.deviceId === machine.deviceId && sent.counter === counter).map((sent) => sent.value)).toEqual([Number(value)]);
  });
});
