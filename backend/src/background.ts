/**
 * Work a request starts but does not wait for. The public forms that must not tell whether an
 * account or a customer exists (password reset, campaign sign-up) answer at once and send their
 * email here: both answers then take the same time, whatever the address.
 */
export interface BackgroundTasks {
  /** Starts `task` now; its failure is logged, never thrown at the request that started it. */
  run(what: string, task: () => Promise<unknown>): void;
  /** Resolves once every task started so far (and any they started) has ended. */
  idle(): Promise<void>;
}

export function createBackgroundTasks(logFailure: (message: string, error: unknown) => void = console.error): BackgroundTasks {
  const pending = new Set<Promise<void>>();
  return {
    run(what, task) {
      const running: Promise<void> = Promise.resolve()
        .then(task)
        .then(
          () => undefined,
          (error: unknown) => logFailure(`Background task "${what}" failed:`, error),
        )
        .finally(() => pending.delete(running));
      pending.add(running);
    },
    async idle() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
