/** Network status contract: the shell shows an offline banner and the sync layer waits for 'online'. */
export interface NetworkStatus {
  isOnline(): boolean;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (online: boolean) => void): () => void;
}

/** The browser's view (navigator.onLine and the online/offline events of `target`). */
export function createBrowserNetworkStatus(target: Window = window): NetworkStatus {
  return {
    isOnline: () => target.navigator.onLine,
    subscribe(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      target.addEventListener('online', online);
      target.addEventListener('offline', offline);
      return () => {
        target.removeEventListener('online', online);
        target.removeEventListener('offline', offline);
      };
    },
  };
}
