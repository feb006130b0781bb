import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The secret a job command presents to the server holding the data folder. It sits beside the
 * lock file, readable only by the owner (0600): whoever can read it could open the folder anyway.
 */
const secretPath = (dataDir: string) => join(dataDir, 'parc.job-secret');

/** A fresh secret for this server process, removed when it exits. */
export function writeJobSecret(dataDir: string): string {
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(secretPath(dataDir), secret, { mode: 0o600 });
  process.once('exit', () => {
    try {
      unlinkSync(secretPath(dataDir));
    } catch {
      // already gone
    }
  });
  return secret;
}

export function readJobSecret(dataDir: string): string | null {
  try {
    return readFileSync(secretPath(dataDir), 'utf8').trim() || null;
  } catch {
    return null;
  }
}
