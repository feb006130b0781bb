import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite lets any number of processes open the same folder and corrupts it when they do.
 * A lock file holding the owner's pid and URL keeps a second Parc out and tells it whom to ask instead.
 */
export interface LockOwner {
  pid: number;
  url: string | null;
  startedAt: string;
  /**
   * The kernel's start time of the owner process (Linux /proc), so a pid the system has since
   * given to another program is not mistaken for the owner. Absent on other systems.
   */
  processStart?: string | null;
}

export class DataFolderBusyError extends Error {
  constructor(readonly owner: LockOwner, dataDir: string) {
    super(
      `The data folder ${dataDir} is in use by Parc process ${owner.pid}` +
        (owner.url ? ` serving ${owner.url}` : '') +
        '. Only one process may open an embedded database: stop it, or point this one at another DATA_DIR.',
    );
    this.name = 'DataFolderBusyError';
  }
}

const lockPath = (dataDir: string) => join(dataDir, 'parc.lock');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); null where /proc is not there. */
export function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Still the process that wrote the lock: alive, and (where /proc tells) started when the lock says, or running Node. */
function isOwnerAlive(owner: LockOwner): boolean {
  if (!isAlive(owner.pid)) return false;
  const start = processStartOf(owner.pid);
  if (start === null) return true;
  if (owner.processStart) return owner.processStart === start;
  // A lock written before start times were recorded: a pid now running something else is not Parc.
  try {
    return /node|tsx/.test(readFileSync(`/proc/${owner.pid}/cmdline`, 'utf8'));
  } catch {
    return true;
  }
}

/** The live process holding the folder, if any (a lock left by a crashed process, or a reused pid, does not count). */
export function readLockOwner(dataDir: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockOwner;
    return owner.pid !== process.pid && isOwnerAlive(owner) ? owner : null;
  } catch {
    return null;
  }
}

export interface FolderLock {
  /** Records where this process serves, so a job command can ask it to run the job. */
  setUrl(url: string): void;
  release(): void;
}

export function lockDataFolder(dataDir: string): FolderLock {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  const owner: LockOwner = { pid: process.pid, url: null, startedAt: new Date().toISOString(), processStart: processStartOf(process.pid) };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const current = readLockOwner(dataDir);
      if (current) throw new DataFolderBusyError(current, dataDir);
      unlinkSync(path); // left by a process that died, or naming a pid now used by another program
    }
  }
  const write = () => {
    const fd = openSync(path, 'w');
    writeSync(fd, JSON.stringify(owner));
    closeSync(fd);
  };
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return {
    setUrl(url) {
      owner.url = url;
      write();
    },
    release,
  };
}
