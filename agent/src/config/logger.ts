import { appendFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { LOG_LEVELS, type LogLevel } from './agent-config.ts';

export type Logger = Record<LogLevel, (message: string) => void>;

export const LOG_DAYS_KEPT = 7;
const LOG_FILE = /^parc-agent-(\d{4}-\d{2}-\d{2})\.log$/;

/** Day files older than the `keep` most recent days (by the date in their name). */
export function expiredLogs(files: readonly string[], keep: number): string[] {
  const dated = files.filter((file) => LOG_FILE.test(file)).sort();
  return dated.slice(0, Math.max(0, dated.length - keep));
}

/**
 * One file per day in logs/ (parc-agent-YYYY-MM-DD.log), the last few kept: a folder a user can zip
 * and send. Also echoes to `echo` (the terminal) when given.
 */
export function createFileLogger(options: { dir: string; level: LogLevel; now: () => Date; echo?: (line: string) => void; keepDays?: number }): Logger {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  let currentDay = '';
  const threshold = LOG_LEVELS.indexOf(options.level);
  const write = (level: LogLevel, message: string) => {
    if (LOG_LEVELS.indexOf(level) > threshold) return;
    const at = options.now().toISOString();
    const day = at.slice(0, 10);
    if (day !== currentDay) {
      currentDay = day;
      for (const file of expiredLogs([...readdirSync(options.dir), `parc-agent-${day}.log`], options.keepDays ?? LOG_DAYS_KEPT))
        rmSync(path.join(options.dir, file), { force: true });
    }
    const line = `${at} ${level.toUpperCase().padEnd(5)} ${message}`;
    appendFileSync(path.join(options.dir, `parc-agent-${day}.log`), `${line}\n`, { mode: 0o600 });
    options.echo?.(line);
  };
  return { error: (m) => write('error', m), warn: (m) => write('warn', m), info: (m) => write('info', m), debug: (m) => write('debug', m) };
}
