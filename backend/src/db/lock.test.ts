import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderBusyError, lockDataFolder, processStartOf, readLockOwner } from './lock.ts';

const folders: string[] = [];
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'parc-lock-'));
  folders.push(folder);
  return folder;
};
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A live process other than this one, to stand for a running Parc. */
function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => child.kill() };
}

describe('data folder lock', () => {
  it('refuses a second owner while the first is alive, naming it and its URL', () => {
    const folder = freshFolder();
    const other = otherProcess();
    try {
      writeFileSync(join(folder, 'parc.lock'), JSON.stringify({ pid: other.pid, url: 'http://127.0.0.1:3000', startedAt: new Date().toISOString() }));
      expect(readLockOwner(folder)).toMatchObject({ pid: other.pid, url: 'http://127.0.0.1:3000' });
      expect(() => lockDataFolder(folder)).toThrow(DataFolderBusyError);
      expect(() => lockDataFolder(folder)).toThrow(/in use by Parc process \d+ serving http:\/\/127\.0\.0\.1:3000/);
    } finally {
      other.stop();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const folder = freshFolder();
    const other = otherProcess();
    other.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    writeFileSync(join(folder, 'parc.lock'), JSON.stringify({ pid: other.pid, url: null, startedAt: '2026-01-01T00:00:00Z' }));
    const lock = lockDataFolder(folder);
    expect(JSON.parse(readFileSync(join(folder, 'parc.lock'), 'utf8')).pid).toBe(process.pid);
    lock.setUrl('http://127.0.0.1:4000');
    expect(JSON.parse(readFileSync(join(folder, 'parc.lock'), 'utf8')).url).toBe('http://127.0.0.1:4000');
    lock.release();
    expect(readLockOwner(folder)).toBeNull();
  });

  it('takes over a lock whose pid now belongs to another program (pid reused)', () => {
    const folder = freshFolder();
    const other = otherProcess();
    try {
      // The lock's start time is not the live process's: the pid was given to another program since.
      writeFileSync(join(folder, 'parc.lock'), JSON.stringify({ pid: other.pid, url: null, startedAt: new Date().toISOString(), processStart: '1' }));
      expect(readLockOwner(folder)).toBeNull();
      const lock = lockDataFolder(folder);
      expect(JSON.parse(readFileSync(join(folder, 'parc.lock'), 'utf8'))).toMatchObject({ pid: process.pid, processStart: processStartOf(process.pid) });
      lock.release();
    } finally {
      other.stop();
    }
  });

  it('takes over an old lock (no start time) naming a live program that is not Node', () => {
    const folder = freshFolder();
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      writeFileSync(join(folder, 'parc.lock'), JSON.stringify({ pid: sleeper.pid, url: null, startedAt: new Date().toISOString() }));
      expect(readLockOwner(folder)).toBeNull();
    } finally {
      sleeper.kill();
    }
  });
});
