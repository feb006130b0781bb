/**
 * Runs `pass` one run at a time: a call made during a run asks for one more pass once the current
 * one ends, instead of starting a second run in parallel (two runs would send the same queue twice).
 * The extra pass runs whatever the current one found: a call made because the network just came back
 * must not be lost to a pass that had already seen it offline.
 */
export function singleFlight(pass: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;

  async function loop() {
    try {
      do {
        again = false;
        await pass();
      } while (again);
    } finally {
      // Cleared in the same step the last pass ends: a call right after starts a new run, never joins a finished one.
      running = null;
    }
  }

  return () => {
    if (running) {
      again = true;
      return running;
    }
    // `loop` awaits before it can reach `finally`, so this assignment always comes first.
    running = loop();
    return running;
  };
}
