/** The services every screen may use, handed down once from the entry point (tests hand fakes). */
import { createContext, useContext, type ParentProps } from 'solid-js';
import type { NetworkStatus } from './platform/network.ts';
import type { LocalStorage } from './platform/storage.ts';
import type { SessionStore } from './features/auth/session.store.ts';
import type { I18n } from './i18n/i18n.ts';

export interface AppServices {
  session: SessionStore;
  i18n: I18n;
  network: NetworkStatus;
  storage: LocalStorage;
}

const ServicesContext = createContext<AppServices>();

export function ServicesProvider(props: ParentProps<{ services: AppServices }>) {
  return <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

export const useSession = (): SessionStore => useServices().session;
export const useI18n = (): I18n => useServices().i18n;
