/** One outgoing email, already rendered (templates live in the emails package). */
export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Overrides the configured sender, e.g. with the dealer's name. */
  from?: string;
  replyTo?: string;
  /** Files sent along (a scheduled report). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ id: string }>;
}

/** Keeps messages in memory; tests read `sent`. */
export class MemoryMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail) {
    this.sent.push(mail);
    return { id: `memory-${this.sent.length}` };
  }
}
