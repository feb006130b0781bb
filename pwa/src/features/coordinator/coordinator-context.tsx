/**
 * The coordinator area's layout: one store for every screen of the area, started when the area
 * opens, so a report queued on the list keeps being sent while a request is open.
 */
import { createContext, onCleanup, useContext, type ParentProps } from 'solid-js';
import { useServices, useSession } from '../../app-context.tsx';
import { createApiClient } from '../../api/client.ts';
import '../tech/tech.css';
import { createCoordinatorApi } from './coordinator.api.ts';
import { createCoordinatorStore, type CoordinatorStore } from './coordinator.store.ts';

const CoordinatorContext = createContext<CoordinatorStore>();

export function useCoordinator(): CoordinatorStore {
  const store = useContext(CoordinatorContext);
  if (!store) throw new Error('useCoordinator outside CoordinatorLayout');
  return store;
}

export function CoordinatorLayout(props: ParentProps) {
  const { storage, network } = useServices();
  const session = useSession();
  const store = createCoordinatorStore({
    // The role gate lets only a signed-in coordinator in.
    owner: session.state.user?.id ?? 'unknown',
    api: createCoordinatorApi(createApiClient()),
    storage,
    network,
    now: () => new Date(),
  });
  onCleanup(store.dispose);
  void store.start();
  return <CoordinatorContext.Provider value={store}>{props.children}</CoordinatorContext.Provider>;
}
