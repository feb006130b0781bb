import { describe, expect, it } from 'vitest';
import { createBrowserNetworkStatus, type NetworkStatus } from './network.ts';
import { createFakeNetworkStatus } from './network.fake.ts';

/** A stand-in window: an event target with a navigator whose onLine the test flips before dispatching. */
function fakeWindow(onLine: boolean) {
  const target = Object.assign(new EventTarget(), { navigator: { onLine } });
  const change = (online: boolean) => {
    target.navigator.onLine = online;
    target.dispatchEvent(new Event(online ? 'online' : 'offline'));
  };
  return { window: target as unknown as Window, change };
}

describe.each<[string, () => { status: NetworkStatus; change(online: boolean): void }]>([
  [
    'browser',
    () => {
      const { window, change } = fakeWindow(true);
      return { status: createBrowserNetworkStatus(window), change };
    },
  ],
  [
    'fake',
    () => {
      const status = createFakeNetworkStatus(true);
      return { status, change: (online) => status.set(online) };
    },
  ],
])('%s network status', (_name, make) => {
  it('reports changes to subscribers until they unsubscribe', () => {
    const { status, change } = make();
    const seen: boolean[] = [];
    const unsubscribe = status.subscribe((online) => seen.push(online));
    expect(status.isOnline()).toBe(true);
    change(false);
    expect(status.isOnline()).toBe(false);
    change(true);
    unsubscribe();
    change(false);
    expect(seen).toEqual([false, true]);
  });
});
