import { Resend } from 'resend';
import { DomainError } from '@parc/shared';
import type { Mailer, OutgoingMail } from './mailer.ts';

/** Production mail through Resend; `baseUrl` points it at a local stub in tests. */
export class ResendMailer implements Mailer {
  private readonly client: Resend;

  constructor(apiKey: string, private readonly defaultFrom: string, baseUrl?: string) {
    this.client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  }

  async send(mail: OutgoingMail) {
    const { data, error } = await this.client.emails.send({
      from: mail.from ?? this.defaultFrom,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      ...(mail.attachments?.length ? { attachments: mail.attachments.map((file) => ({ filename: file.fileName, content: Buffer.from(file.content), contentType: file.contentType })) } : {}),
    });
    if (error || !data) throw new DomainError('mail.not_sent', { to: mail.to, detail: error?.message ?? 'no answer' });
    return { id: data.id };
  }
}
