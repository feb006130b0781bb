import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { DomainError } from '@parc/shared';
import { writeFileAtomic } from './files.ts';

const PREFIX = 'aes256gcm:';

/** The key that encrypts secrets in agent.config: 32 random bytes beside it, readable by the agent only. */
export function loadOrCreateKey(file: string): Buffer {
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new DomainError('internal', `${file} is not a 32-byte key: delete it and set proxyPassword again in agent.config`);
    return key;
  }
  const key = randomBytes(32);
  writeFileAtomic(file, `${key.toString('base64')}\n`, 0o600);
  chmodSync(file, 0o600);
  return key;
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** `aes256gcm:<iv>:<tag>:<ciphertext>`, base64 parts; a fresh IV each time. */
export function encryptSecret(plain: string, key: Buffer, iv: Buffer = randomBytes(12)): string {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64')).join(':')}`;
}

export function decryptSecret(value: string, key: Buffer): string {
  const [iv, tag, ciphertext] = value.slice(PREFIX.length).split(':').map((part) => Buffer.from(part, 'base64'));
  try {
    if (!iv || !tag || !ciphertext) throw new Error('malformed');
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new DomainError('bad_request', 'the encrypted proxyPassword in agent.config cannot be read with agent.key: type the password again in plain text', {
      field: 'proxyPassword',
    });
  }
}
