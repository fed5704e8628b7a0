import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseMail, type ReceivedMail } from './mail-message.ts';

export type { ReceivedMail } from './mail-message.ts';

export interface Mailbox {
  port: number;
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  /** Resolves with the first message (received or arriving) to `to` that matches. */
  waitFor(to: string, match?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives, for tests that follow emailed links. */
export async function startMailbox(): Promise<Mailbox> {
  const messages: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const recipients = session.envelope.rcptTo.map((address) => address.address);
        messages.push(parseMail(Buffer.concat(chunks).toString('utf8'), recipients));
        waiters.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(to, match = () => true, timeoutMs = 10_000) {
      const find = () => messages.find((mail) => mail.to.includes(to.toLowerCase()) && match(mail));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No email to ${to} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const check = () => {
          const mail = find();
          if (mail) {
            clearTimeout(timer);
            resolve(mail);
          } else {
            waiters.push(check);
          }
        };
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in an email whose path starts with `path`, e.g. `/verify-email`. */
export function linkIn(mail: ReceivedMail, path: string): URL {
  const link = mail.links.find((candidate) => new URL(candidate).pathname.startsWith(path));
  if (!link) {
    throw new Error(
      `No ${path} link in the email to ${mail.to.join(', ')}; links: ${mail.links.join(', ') || 'none'}`,
    );
  }
  return new URL(link);
}
