/**
 * The coordinator's overview: the last one is kept on the device so the phone still shows the
 * fleet without network. Reporting a problem is online only: the problem report carries no
 * client-made id, so a resend after a lost answer would open the request twice.
 */
import { createStore, reconcile } from 'solid-js/store';
import type { CoordinatorOverview, ProblemReport } from '@parc/shared/contracts/tickets';
import type { ApiError } from '../../api/client.ts';
import type { NetworkStatus } from '../../platform/network.ts';
import type { LocalStorage } from '../../platform/storage.ts';
import type { CoordinatorApi } from './coordinator.api.ts';

export interface CoordinatorState {
  status: 'loading' | 'ready' | 'unavailable';
  overview: CoordinatorOverview | null;
  fromCache: boolean;
  online: boolean;
}

export interface CoordinatorStore {
  state: CoordinatorState;
  load(): Promise<void>;
  /** Null when the report was taken; the error otherwise (`offline` without network). */
  report(problem: ProblemReport): Promise<ApiError | null>;
  dispose(): void;
}

export function createCoordinatorStore(deps: { owner: string; api: CoordinatorApi; storage: LocalStorage; network: NetworkStatus }): CoordinatorStore {
  const { api, storage, network } = deps;
  const cacheKey = `coordinator.${deps.owner}.overview`;
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

  const unsubscribe = network.subscribe((online) => {
    setState('online', online);
    if (online) void load();
  });

  return {
    state,
    load,
    async report(problem) {
      const result = await api.reportProblem(problem);
      if (!result.ok) return result.error;
      await load();
      return null;
    },
    dispose: unsubscribe,
  };
}
