import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'parc_session';
export const SESSION_DAYS = 14;

/** A random token for a cookie or an emailed link; only its hash is stored. */
export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
