/** The local outbox (DATA_DIR/outbox/*.eml) as the mail client of a spec: headers and decoded text parts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OutboxEmail {
  file: string;
  to: string;
  subject: string;
  /** Every text part (plain and HTML), decoded. */
  body: string;
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`), the only kind the outbox writes. */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
}

function headerOf(head: string, name: string): string {
  // Folded header lines continue with whitespace.
  const match = head.match(new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im'));
  return match ? decodeHeader(match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim()) : '';
}

function decodePart(part: string): string {
  const [head, ...rest] = part.split(/\r?\n\r?\n/);
  const content = rest.join('\n\n');
  const encoding = headerOf(head ?? '', 'Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return Buffer.from(content.replace(/=\r?\n/g, '').replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  return content;
}

export function parseEml(file: string, source: string): OutboxEmail {
  const [head = '', ...rest] = source.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const boundary = headerOf(head, 'Content-Type').match(/boundary="?([^";]+)"?/i)?.[1];
  const parts = boundary ? body.split(`--${boundary}`).filter((part) => part.trim() && !part.startsWith('--')).map((part) => decodePart(part.replace(/^\r?\n/, ''))) : [decodePart(source)];
  return { file, to: headerOf(head, 'To'), subject: headerOf(head, 'Subject'), body: parts.join('\n') };
}

export function readOutbox(dataDir: string): OutboxEmail[] {
  const folder = join(dataDir, 'outbox');
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return files.map((name) => parseEml(name, readFileSync(join(folder, name), 'utf8')));
}

/** The token of every meter link (`…/m/<token>`) in the email. */
export function meterLinkTokens(email: OutboxEmail): string[] {
  return [...new Set([...email.body.matchAll(/\/m\/([\w-]+\.[\w-]+\.[\w-]+)/g)].map((match) => match[1]!))];
}

/** The claims of a link token, read without verifying (the server verifies). */
export function linkClaims(token: string): { per: string; exp: number } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { per: string; exp: number };
}
