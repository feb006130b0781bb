/**
 * The console's last answer to each screen's question (a GET), kept on the device for the person
 * who got it, so that a list or a detail still shows offline, read-only and with its age, instead
 * of failing. Only the console turns it on (the technician's and coordinator's apps keep their own
 * offline data); signing out forgets every answer kept.
 */
import { createSignal } from 'solid-js';
import type { LocalStorage } from '../platform/storage.ts';

export interface KeptAnswer {
  data: unknown;
  savedAt: string;
}

/** The answers kept at the most, the oldest forgotten first: a day of browsing, not the whole fleet. */
export const KEPT_ANSWERS = 300;
const INDEX_KEY = 'console-answers';

interface AnswerIndex {
  userId: string;
  /** Storage keys, oldest first. */
  keys: string[];
}

export interface AnswerKeeper {
  keep(path: string, data: unknown, at: Date): Promise<void>;
  recall(path: string): Promise<KeptAnswer | undefined>;
}

/** Keeps `userId`'s answers; the answers of anyone who used the device before are forgotten first. */
export function answerKeeper(storage: LocalStorage, userId: string): AnswerKeeper {
  const keyOf = (path: string) => `answer:${userId}:${path}`;
  // One index change at a time: two answers arriving together must not lose one another's key.
  let queue: Promise<void> = Promise.resolve();
  const changeIndex = (change: (index: AnswerIndex) => Promise<AnswerIndex>) => {
    queue = queue.then(async () => {
      const stored = await storage.get<AnswerIndex>(INDEX_KEY);
      const current = stored?.userId === userId ? stored : await forgetAll(storage, stored).then(() => ({ userId, keys: [] }));
      await storage.set(INDEX_KEY, await change(current));
    });
    return queue;
  };
  return {
    keep(path, data, at) {
      const key = keyOf(path);
      return changeIndex(async (index) => {
        await storage.set(key, { data, savedAt: at.toISOString() } satisfies KeptAnswer);
        const keys = [...index.keys.filter((candidate) => candidate !== key), key];
        const dropped = keys.splice(0, Math.max(0, keys.length - KEPT_ANSWERS));
        await Promise.all(dropped.map((old) => storage.delete(old)));
        return { userId, keys };
      });
    },
    async recall(path) {
      await queue;
      return storage.get<KeptAnswer>(keyOf(path));
    },
  };
}

async function forgetAll(storage: LocalStorage, index: AnswerIndex | undefined): Promise<void> {
  if (!index) return;
  await Promise.all(index.keys.map((key) => storage.delete(key)));
  await storage.delete(INDEX_KEY);
}

/** Signing out: nothing of this person's stays readable on the device. */
export async function forgetAnswers(storage: LocalStorage): Promise<void> {
  await forgetAll(storage, await storage.get<AnswerIndex>(INDEX_KEY));
}

let keeper: AnswerKeeper | null = null;
/** The kept answers on the screen now, by path, with their age. */
const [shown, setShown] = createSignal<ReadonlyMap<string, Date>>(new Map());

/** Turns keeping on (the console, for its user) or off (leaving it). */
export function keepAnswers(next: AnswerKeeper | null): void {
  keeper = next;
  setShown(new Map());
}

export const activeKeeper = (): AnswerKeeper | null => keeper;

/** The oldest kept answer on the screen, or null when everything shown is fresh. */
export function keptAnswersShownSince(): Date | null {
  let oldest: Date | null = null;
  for (const savedAt of shown().values()) if (!oldest || savedAt < oldest) oldest = savedAt;
  return oldest;
}

/** The frame's own questions (who am I, what may I do): not a screen's data, so never what the date speaks of. */
const FRAME_PATHS = ['/api/auth/', '/api/me/'];

export function noteAnswer(path: string, keptAt: Date | null): void {
  if (FRAME_PATHS.some((prefix) => path.startsWith(prefix))) return;
  const next = new Map(shown());
  if (keptAt) next.set(path, keptAt);
  else if (!next.delete(path)) return;
  setShown(next);
}

/** Another screen: the kept answers of the last one are no longer shown. */
export function forgetShownAnswers(): void {
  if (shown().size > 0) setShown(new Map());
}
