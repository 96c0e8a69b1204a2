import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** The last messages sent, newest last (kept for the dev transport and tests). */
  readonly outbox: MailMessage[];
}

/** SMTP through nodemailer, or in development a transport that prints each message to the log. */
export function createMailer(config: Config, log: Logger): Mailer {
  const outbox: MailMessage[] = [];
  const transport =
    config.MAIL_TRANSPORT === 'smtp' && config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  return {
    outbox,
    async send(message) {
      outbox.push(message);
      if (outbox.length > 100) outbox.shift();
      if (transport) {
        await transport.sendMail({ from: config.MAIL_FROM, ...message });
      } else {
        log.info(
          { mail: { subject: message.subject }, text: message.text },
          `mail (dev transport) to recipient: ${message.subject}`,
        );
      }
    },
  };
}
