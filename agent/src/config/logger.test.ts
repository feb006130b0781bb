import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, expiredLogs } from './logger.ts';
import { tempDir } from '../test/temp-dir.ts';

describe('expiredLogs', () => {
  it.each([
    [['parc-agent-2026-01-01.log', 'parc-agent-2026-01-03.log', 'parc-agent-2026-01-02.log', 'notes.txt'], 2, ['parc-agent-2026-01-01.log']],
    [['parc-agent-2026-01-01.log'], 7, []],
  ])('%j keeping %i', (files, keep, expected) => {
    expect(expiredLogs(files, keep)).toEqual(expected);
  });
});

describe('createFileLogger', () => {
  it('writes one file per day, drops old days and lines below the level', () => {
    const dir = tempDir('parc-agent-logs-');
    writeFileSync(path.join(dir, 'parc-agent-2026-03-01.log'), 'old\n');
    let now = new Date('2026-03-09T10:00:00Z');
    const logger = createFileLogger({ dir, level: 'info', now: () => now, keepDays: 2 });
    logger.info('first day');
    logger.debug('too chatty');
    now = new Date('2026-03-10T00:00:01Z');
    logger.warn('second day');
    expect(readdirSync(dir).sort()).toEqual(['parc-agent-2026-03-09.log', 'parc-agent-2026-03-10.log']);
    expect(readFileSync(path.join(dir, 'parc-agent-2026-03-09.log'), 'utf8')).toBe('2026-03-09T10:00:00.000Z INFO  first day\n');
    expect(readFileSync(path.join(dir, 'parc-agent-2026-03-10.log'), 'utf8')).toContain('WARN  second day');
  });
});
