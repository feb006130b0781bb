import type { NetworkStatus } from './network.ts';

/** A network status tests switch by hand. */
export function createFakeNetworkStatus(initiallyOnline = true): NetworkStatus & { set(online: boolean): void } {
  let online = initiallyOnline;
  const listeners = new Set<(online: boolean) => void>();
  return {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next === online) return;
      online = next;
      for (const listener of listeners) listener(next);
    },
  };
}
