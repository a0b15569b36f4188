import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The same message as HTML, shown by mail programs that can. */
  html?: string;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
}

/** Sends e-mail through the SMTP server of `SMTP_URL` (smtp://user:pass@host:port, smtps://… for TLS). */
export class Mailer {
  private readonly transport: Transporter | null;

  constructor(
    smtpUrl: string | undefined,
    private readonly from: string = process.env.TANZIM_MAIL_FROM ?? 'Tanzim <no-reply@tanzim.invalid>',
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  get isConfigured(): boolean {
    return this.transport !== null;
  }

  /** The sender's name and address (the ORGANIZER of calendar invitations). */
  get sender(): { name: string; address: string } {
    const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(this.from);
    return match ? { name: match[1] ?? '', address: match[2] ?? '' } : { name: '', address: this.from.trim() };
  }

  /** Sends the message; false when no SMTP server is configured (the caller shows the link instead). */
  async send(message: MailMessage): Promise<boolean> {
    if (!this.transport) return false;
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      ...(message.attachments ? { attachments: message.attachments } : {}),
    });
    return true;
  }
}
