import type { Gate } from '../snmp/index.ts';

/** At most `size` works at once; the others wait their turn in arrival order. */
export function createLimit(size: number): Gate {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (work) => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
