import { describe, expect, it } from 'vitest';
import { createBackgroundTasks } from './background.ts';

describe('background tasks', () => {
  it('runs a task without the caller waiting, and idle() waits for it and for what it started', async () => {
    const failures: string[] = [];
    const tasks = createBackgroundTasks((message) => failures.push(message));
    const done: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    tasks.run('first', async () => {
      await gate;
      done.push('first');
      tasks.run('second', async () => void done.push('second'));
    });
    expect(done).toEqual([]);
    const idle = tasks.idle();
    release();
    await idle;
    expect(done).toEqual(['first', 'second']);
    expect(failures).toEqual([]);
  });

  it('logs a failure instead of throwing it', async () => {
    const failures: Array<[string, unknown]> = [];
    const tasks = createBackgroundTasks((message, error) => failures.push([message, error]));
    const boom = new Error('mail server down');
    tasks.run('reset email', async () => {
      throw boom;
    });
    await tasks.idle();
    expect(failures).toEqual([['Background task "reset email" failed:', boom]]);
  });
});
