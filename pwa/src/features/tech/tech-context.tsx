/**
 * The technician area's layout: one sync engine for every screen of the area, started when the area
 * opens (the day is downloaded for offline use at once), with the sync state and the conflicts on top.
 */
import { createContext, onCleanup, useContext, type ParentProps } from 'solid-js';
import { useServices, useSession } from '../../app-context.tsx';
import { createApiClient } from '../../api/client.ts';
import { randomId } from '../../platform/ids.ts';
import { createTechSync, type TechSync } from '../../sync/tech-sync.ts';
import { createTechApi } from './tech.api.ts';
import { ConflictList } from './conflict-list.tsx';
import { SyncStatus } from './sync-status.tsx';
import './tech.css';

const TechSyncContext = createContext<TechSync>();

export function useTechSync(): TechSync {
  const sync = useContext(TechSyncContext);
  if (!sync) throw new Error('useTechSync outside TechLayout');
  return sync;
}

export function TechLayout(props: ParentProps) {
  const { storage, network } = useServices();
  const session = useSession();
  const sync = createTechSync({
    // The role gate lets only a signed-in technician in.
    owner: session.state.user?.id ?? 'unknown',
    api: createTechApi(createApiClient()),
    storage,
    network,
    newId: () => randomId(),
    now: () => new Date(),
  });
  onCleanup(sync.dispose);
  void sync.start();

  return (
    <TechSyncContext.Provider value={sync}>
      <div class="tech">
        <SyncStatus />
        <ConflictList />
        {props.children}
      </div>
    </TechSyncContext.Provider>
  );
}
