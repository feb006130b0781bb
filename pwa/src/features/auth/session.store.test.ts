import { describe, expect, it } from 'vitest';
import type { ApiError, ApiResult } from '../../api/client.ts';
import type { AuthApi, SessionUser } from '../../api/auth.ts';
import { createFakeNetworkStatus } from '../../platform/network.fake.ts';
import { createMemoryStorage } from '../../platform/storage.memory.ts';
import { createSessionStore, type SessionState } from './session.store.ts';

/** Lets a restore started by an event finish (the fakes answer at once). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

const anne: SessionUser = { id: 'u1', email: 'anne@dealer.test', name: 'Anne', role: 'technician', partnerId: 'p1', language: 'de' };
const failure = (code: ApiError['code']): ApiResult<never> => ({ ok: false, error: { code, message: code } });

/** An auth API whose answers each test sets; it records the calls it received. */
function fakeAuthApi(answers: Partial<{ [K in keyof AuthApi]: Awaited<ReturnType<AuthApi[K]>> }>) {
  const calls: string[] = [];
  const answer = <K extends keyof AuthApi>(name: K) =>
    (async () => {
      calls.push(name);
      return answers[name] ?? failure('internal');
    }) as unknown as AuthApi[K];
  const api: AuthApi = {
    login: answer('login'),
    me: answer('me'),
    logout: answer('logout'),
    requestPasswordReset: answer('requestPasswordReset'),
    confirmPasswordReset: answer('confirmPasswordReset'),
  };
  return { api, calls };
}

describe('session store', () => {
  it('starts loading, then signs in the user the server knows and caches it', async () => {
    const storage = createMemoryStorage();
    const { state, actions } = createSessionStore(fakeAuthApi({ me: { ok: true, data: { user: anne } } }).api, storage);
    expect(state.status).toBe('loading');
    await actions.restore();
    expect(state).toEqual({ status: 'signed_in', user: anne, fromCache: false });
    expect(await storage.get('session.user')).toEqual(anne);
  });

  it('shows the user signed in only once their screens are prepared (their language loaded)', async () => {
    let finish = (): void => undefined;
    const prepared: (string | null)[] = [];
    const prepare = (user: SessionUser) =>
      new Promise<void>((resolve) => {
        prepared.push(user.language);
        finish = resolve;
      });
    const { state, actions } = createSessionStore(fakeAuthApi({ me: { ok: true, data: { user: anne } } }).api, createMemoryStorage(), prepare);
    const restoring = actions.restore();
    await settled();
    expect(prepared).toEqual(['de']);
    expect(state.status).toBe('loading');
    finish();
    await restoring;
    expect(state.status).toBe('signed_in');
  });

  it('signs the user in even when their screens could not be prepared', async () => {
    const failing = createSessionStore(fakeAuthApi({ login: { ok: true, data: { user: anne } } }).api, createMemoryStorage(), () => Promise.reject(new Error('offline')));
    expect(await failing.actions.login(anne.email, 'secret')).toBeNull();
    expect(failing.state.user).toEqual(anne);
  });

  it.each<[string, ApiError['code'], boolean, string]>([
    ['offline with a cached user', 'offline', true, 'signed_in'],
    ['server error with a cached user', 'internal', true, 'signed_in'],
    ['offline without a cached user', 'offline', false, 'signed_out'],
    ['unauthenticated even with a cached user', 'unauthenticated', true, 'signed_out'],
  ])('restore when %s', async (_case, code, hasCache, expectedStatus) => {
    const storage = createMemoryStorage();
    if (hasCache) await storage.set('session.user', anne);
    const { state, actions } = createSessionStore(fakeAuthApi({ me: failure(code) }).api, storage);
    await actions.restore();
    expect(state.status).toBe(expectedStatus);
    expect(state.fromCache).toBe(expectedStatus === 'signed_in');
    if (code === 'unauthenticated') expect(await storage.get('session.user')).toBeUndefined();
  });

  it.each<ApiError['code']>(['unauthenticated', 'locked', 'bad_request', 'offline'])('login returns the %s error and stays signed out', async (code) => {
    const { state, actions } = createSessionStore(fakeAuthApi({ login: failure(code) }).api, createMemoryStorage());
    await actions.restore();
    expect(await actions.login('anne@dealer.test', 'wrong')).toEqual({ code, message: code });
    expect(state.status).toBe('signed_out');
    expect(state.user).toBeNull();
  });

  it('login signs in; logout tells the server and forgets the user on the device', async () => {
    const storage = createMemoryStorage();
    const { api, calls } = fakeAuthApi({ login: { ok: true, data: { user: anne } }, logout: { ok: true, data: undefined } });
    const { state, actions } = createSessionStore(api, storage);
    expect(await actions.login('anne@dealer.test', 'right')).toBeNull();
    expect(state.user?.name).toBe('Anne');
    await actions.logout();
    expect(calls).toEqual(['login', 'logout']);
    expect(state).toEqual({ status: 'signed_out', user: null, fromCache: false });
    expect(await storage.get('session.user')).toBeUndefined();
  });

  it('logout offline still forgets the user on the device', async () => {
    const storage = createMemoryStorage();
    await storage.set('session.user', anne);
    const { state, actions } = createSessionStore(fakeAuthApi({ me: failure('offline'), logout: failure('offline') }).api, storage);
    await actions.restore();
    await actions.logout();
    expect(state.status).toBe('signed_out');
    expect(await storage.get('session.user')).toBeUndefined();
  });

  it.each<[string, ApiResult<{ user: SessionUser }>, Partial<SessionState>]>([
    ['the server knows the user again: signed in from the server', { ok: true, data: { user: anne } }, { status: 'signed_in', fromCache: false }],
    ['the session ended meanwhile: signed out', failure('unauthenticated'), { status: 'signed_out', user: null, fromCache: false }],
    ['the server is still unreachable: the saved copy stays', failure('offline'), { status: 'signed_in', user: anne, fromCache: true }],
  ])('back online after starting from the saved user, when %s', async (_case, meOnceOnline, expected) => {
    const storage = createMemoryStorage();
    await storage.set('session.user', anne);
    const answers: Parameters<typeof fakeAuthApi>[0] = { me: failure('offline') };
    const { api, calls } = fakeAuthApi(answers);
    const network = createFakeNetworkStatus(false);
    const { state, actions } = createSessionStore(api, storage);
    actions.recheckWhenOnline(network);
    await actions.restore();
    expect(state.fromCache).toBe(true);

    answers.me = meOnceOnline;
    network.set(true);
    await settled();
    expect(calls).toEqual(['me', 'me']);
    expect(state).toMatchObject(expected);
  });

  it('does not ask again when the user came from the server, nor once unsubscribed', async () => {
    const storage = createMemoryStorage();
    await storage.set('session.user', anne);
    const answers: Parameters<typeof fakeAuthApi>[0] = { me: { ok: true, data: { user: anne } } };
    const { api, calls } = fakeAuthApi(answers);
    const network = createFakeNetworkStatus(false);
    const { actions } = createSessionStore(api, storage);
    const unsubscribe = actions.recheckWhenOnline(network);
    await actions.restore();
    network.set(true);
    await settled();
    expect(calls).toEqual(['me']);

    answers.me = failure('offline');
    network.set(false);
    await actions.restore();
    unsubscribe();
    network.set(true);
    await settled();
    expect(calls).toEqual(['me', 'me']);
  });

  it('passes password reset errors through', async () => {
    const { actions } = createSessionStore(
      fakeAuthApi({ requestPasswordReset: { ok: true, data: undefined }, confirmPasswordReset: failure('link_invalid') }).api,
      createMemoryStorage(),
    );
    expect(await actions.requestPasswordReset('anne@dealer.test')).toBeNull();
    expect((await actions.confirmPasswordReset('t0k3n', 'new-password'))?.code).toBe('link_invalid');
  });
});
