import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../logger.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * SMTP through nodemailer when `smtpUrl` is set. Without it (a laptop with no mail server) each
 * message is written to `devMailDir` and logged, so links in it can still be followed.
 */
export function createMailer(options: { smtpUrl?: string | undefined; from: string; devMailDir: string; logger: Logger }): Mailer {
  if (options.smtpUrl) {
    const url = new URL(options.smtpUrl);
    const transport: Transporter = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || 25),
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      ignoreTLS: url.searchParams.get('tls') === 'off' || url.hostname === '127.0.0.1' || url.hostname === 'localhost',
    });
    return {
      async send(message) {
        await transport.sendMail({ from: options.from, ...message });
      },
    };
  }
  return {
    send(message) {
      mkdirSync(options.devMailDir, { recursive: true });
      const file = join(options.devMailDir, `${new Date().toISOString().replaceAll(':', '-')}-${message.to}.txt`);
      writeFileSync(file, `To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`);
      options.logger.info({ to: message.to, subject: message.subject, file }, 'email written to the dev mailbox (SMTP_URL unset)');
      return Promise.resolve();
    },
  };
}
