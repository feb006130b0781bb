/**
 * The coordinator's area: the overview (the last one is kept on the device, so the phone still
 * shows the fleet without network), the requests opened from it or from an email (each kept once
 * seen), and the problem reports, queued on the device and sent once (`sync/report-outbox`).
 */
import { createStore, reconcile } from 'solid-js/store';
import type { CoordinatorOverview, MaintenanceRequest, ProblemReport } from '@parc/shared/contracts/tickets';
import type { NetworkStatus } from '../../platform/network.ts';
import type { LocalStorage } from '../../platform/storage.ts';
import { createReportOutbox, type ReportOutbox } from '../../sync/report-outbox.ts';
import type { CoordinatorApi } from './coordinator.api.ts';

export interface CoordinatorState {
  status: 'loading' | 'ready' | 'unavailable';
  overview: CoordinatorOverview | null;
  fromCache: boolean;
  online: boolean;
}

/** One request as the detail screen shows it: from the server, else this device's last copy. */
export type RequestLoad =
  | { status: 'ready'; request: MaintenanceRequest; fromCache: boolean }
  /** Offline, and never opened on this device. */
  | { status: 'unavailable' }
  /** Not a request of the coordinator's customers (or no request at all). */
  | { status: 'not_found' };

export interface CoordinatorStore {
  state: CoordinatorState;
  reports: ReportOutbox;
  /** Shows what this device kept, downloads the overview and sends the reports still waiting. */
  start(): Promise<void>;
  load(): Promise<void>;
  /** Queues the report on the device and sends it as soon as the network allows. */
  report(problem: ProblemReport): Promise<void>;
  request(id: string): Promise<RequestLoad>;
  dispose(): void;
}

export function createCoordinatorStore(deps: { owner: string; api: CoordinatorApi; storage: LocalStorage; network: NetworkStatus; now(): Date }): CoordinatorStore {
  const { api, storage, network } = deps;
  const cacheKey = `coordinator.${deps.owner}.overview`;
  const requestKey = (id: string) => `coordinator.${deps.owner}.request.${id}`;
  const [state, setState] = createStore<CoordinatorState>({ status: 'loading', overview: null, fromCache: false, online: network.isOnline() });

  async function load() {
    const cached = state.overview ?? (await storage.get<CoordinatorOverview>(cacheKey));
    if (cached && !state.overview) setState({ overview: cached, fromCache: true, status: 'ready' });
    const result = await api.overview();
    if (result.ok) {
      await storage.set(cacheKey, result.data);
      setState('overview', reconcile(result.data));
      setState({ fromCache: false, status: 'ready' });
    } else if (!state.overview) setState('status', 'unavailable');
    else setState('fromCache', true);
  }

  // Reports that got through opened requests: the overview shows them.
  const reports = createReportOutbox({ owner: deps.owner, api, storage, network, now: deps.now, onSent: () => void load() });

  const unsubscribe = network.subscribe((online) => {
    setState('online', online);
    if (online) void load();
  });

  return {
    state,
    reports,
    async start() {
      await Promise.all([load(), reports.start()]);
    },
    load,
    report: (problem) => reports.submit(problem),
    async request(id) {
      const result = await api.request(id);
      if (result.ok) {
        await storage.set(requestKey(id), result.data);
        return { status: 'ready', request: result.data, fromCache: false };
      }
      if (result.error.code === 'not_found') return { status: 'not_found' };
      const cached = await storage.get<MaintenanceRequest>(requestKey(id));
      return cached ? { status: 'ready', request: cached, fromCache: true } : { status: 'unavailable' };
    },
    dispose() {
      unsubscribe();
      reports.dispose();
    },
  };
}
