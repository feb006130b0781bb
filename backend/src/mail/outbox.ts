import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mailer, OutgoingMail } from './mailer.ts';

/** RFC 2047 encoded-word, so accented subjects and names survive any mail client. */
const encodeHeader = (value: string) =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;

const base64Lines = (body: string | Uint8Array) => (typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body)).toString('base64').replace(/.{76}/g, '$&\r\n');

export function toEml(mail: OutgoingMail & { from: string }, id: string, date: Date): string {
  const boundary = `parc-${id}`;
  const headers = [
    `Message-ID: <${id}@parc.local>`,
    `Date: ${date.toUTCString()}`,
    `From: ${encodeHeader(mail.from)}`,
    `To: ${mail.to}`,
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    `Subject: ${encodeHeader(mail.subject)}`,
    'MIME-Version: 1.0',
  ];
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=utf-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(body)].join('\r\n');
  const alternative = [part('text/plain', mail.text), part('text/html', mail.html), `--${boundary}--`];
  const attachments = mail.attachments ?? [];
  if (attachments.length === 0) return [...headers, `Content-Type: multipart/alternative; boundary="${boundary}"`, '', ...alternative, ''].join('\r\n');
  // With files: multipart/mixed holding the alternative text and HTML, then each file.
  const mixed = `${boundary}-mixed`;
  const files = attachments.map((file) =>
    [
      `--${mixed}`,
      `Content-Type: ${file.contentType}; name="${encodeHeader(file.fileName)}"`,
      `Content-Disposition: attachment; filename="${encodeHeader(file.fileName)}"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(file.content),
    ].join('\r\n'),
  );
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    '',
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    ...alternative,
    ...files,
    `--${mixed}--`,
    '',
  ].join('\r\n');
}

/** Development mail: one .eml file per message in a folder, openable in any mail client. */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly folder: string,
    private readonly defaultFrom: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async send(mail: OutgoingMail) {
    const id = randomUUID();
    const date = this.clock();
    await mkdir(this.folder, { recursive: true });
    const name = `${date.toISOString().replace(/[:.]/g, '-')}-${id.slice(0, 8)}.eml`;
    const temporary = join(this.folder, `.${name}.tmp`);
    // Written then renamed, so a reader never sees half a message.
    await writeFile(temporary, toEml({ ...mail, from: mail.from ?? this.defaultFrom }, id, date));
    await rename(temporary, join(this.folder, name));
    return { id };
  }
}
