/**
 * The session: who is signed in. One store factory over the auth API (solid-realworld's shape:
 * the factory takes the agent and returns state plus actions; screens never call the API for auth).
 * The last user is kept in local storage so the shell still opens offline for a technician on site.
 */
import { createStore } from 'solid-js/store';
import type { ApiError } from '../../api/client.ts';
import type { AuthApi, SessionUser } from '../../api/auth.ts';
import type { NetworkStatus } from '../../platform/network.ts';
import type { LocalStorage } from '../../platform/storage.ts';
import { forgetAnswers } from '../../api/answers.ts';

export interface SessionState {
  status: 'loading' | 'signed_in' | 'signed_out';
  user: SessionUser | null;
  /** True when the user comes from the last connection because the server could not be reached. */
  fromCache: boolean;
}

export interface SessionActions {
  /** Asks the server who is signed in; falls back to the cached user when the server can't say. */
  restore(): Promise<void>;
  /**
   * Asks the server again each time the network comes back while the user is the saved copy, so the
   * offline state ends with the outage. Returns the unsubscribe function.
   */
  recheckWhenOnline(network: NetworkStatus): () => void;
  /** Resolves to the error to show, or null once signed in. */
  login(email: string, password: string): Promise<ApiError | null>;
  logout(): Promise<void>;
  requestPasswordReset(email: string): Promise<ApiError | null>;
  confirmPasswordReset(token: string, password: string): Promise<ApiError | null>;
  /** Takes in what the account screen changed (name, language), so the whole app follows at once. */
  updateUser(change: Partial<Pick<SessionUser, 'name' | 'language'>>): Promise<void>;
}

export interface SessionStore {
  state: SessionState;
  actions: SessionActions;
}

const cachedUserKey = 'session.user';

/**
 * `prepare` readies what a user's screens need before they show (their language's texts, so the
 * first screen is in their language at once); failing to do so keeps nobody out.
 */
export function createSessionStore(api: AuthApi, storage: LocalStorage, prepare: (user: SessionUser) => Promise<void> = async () => {}): SessionStore {
  const [state, setState] = createStore<SessionState>({ status: 'loading', user: null, fromCache: false });

  const prepared = (user: SessionUser) => prepare(user).catch(() => undefined);

  async function signIn(user: SessionUser) {
    await prepared(user);
    setState({ status: 'signed_in', user, fromCache: false });
    await storage.set(cachedUserKey, user);
  }

  async function signOut() {
    setState({ status: 'signed_out', user: null, fromCache: false });
    await Promise.all([storage.delete(cachedUserKey), forgetAnswers(storage)]);
  }

  const actions: SessionActions = {
    async restore() {
      const result = await api.me();
      if (result.ok) return signIn(result.data.user);
      if (result.error.code === 'unauthenticated' || result.error.code === 'forbidden') return signOut();
      const cached = await storage.get<SessionUser>(cachedUserKey);
      if (cached) await prepared(cached);
      setState(cached ? { status: 'signed_in', user: cached, fromCache: true } : { status: 'signed_out', user: null, fromCache: false });
    },

    recheckWhenOnline(network) {
      return network.subscribe((online) => {
        if (online && state.fromCache) void actions.restore();
      });
    },

    async login(email, password) {
      const result = await api.login({ email, password });
      if (!result.ok) return result.error;
      await signIn(result.data.user);
      return null;
    },

    async logout() {
      // Offline, the server cookie outlives this, but the device forgets the user: a shared tablet stays safe.
      await api.logout();
      await signOut();
    },

    async requestPasswordReset(email) {
      const result = await api.requestPasswordReset(email);
      return result.ok ? null : result.error;
    },

    async confirmPasswordReset(token, password) {
      const result = await api.confirmPasswordReset(token, password);
      return result.ok ? null : result.error;
    },

    async updateUser(change) {
      if (state.user) await signIn({ ...state.user, ...change });
    },
  };

  return { state, actions };
}
