import { SMTPServer } from 'smtp-server';

/** One email as the test sees it: who it went to, its subject, its text and the links in it. */
export interface ReceivedMessage {
  /** The first envelope recipient, lower-cased. */
  to: string;
  recipients: string[];
  subject: string;
  /** The plain-text part, or the HTML part without tags when there is no plain text. */
  text: string;
  html: string | null;
  links: string[];
  raw: string;
}

export type MessageMatch = string | ((message: ReceivedMessage) => boolean);

export interface Mailbox {
  port: number;
  /** Every message received so far, matched or not. */
  received: ReceivedMessage[];
  /**
   * The first message matching (a recipient address, or a predicate) that no earlier call took:
   * each message is handed out once, so two waits for the same address get two messages.
   */
  waitFor(match: MessageMatch, timeoutMs?: number): Promise<ReceivedMessage>;
  close(): Promise<void>;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  // Header lines that start with white space continue the previous header (RFC 5322 folding).
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
  }
  return { headers, body };
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') {
    return decodeQuotedPrintable(part.body);
  }
  if (encoding === 'base64') {
    return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return part.body;
}

/** `=?UTF-8?Q?Verify_your_email?=` and `=?UTF-8?B?...?=` in headers. */
function decodeHeader(value: string): string {
  return value.replace(
    /=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g,
    (_all, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replaceAll('_', ' ')),
  );
}

/** The text/plain and text/html leaves of a (possibly nested multipart) message. */
function collectLeaves(part: Part, leaves: { type: string; content: string }[]): void {
  const contentType = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.toLowerCase().startsWith('multipart/') && boundary) {
    const sections = part.body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith('--')) {
        break;
      }
      collectLeaves(splitPart(section.replace(/^\r?\n/, '')), leaves);
    }
    return;
  }
  leaves.push({ type: contentType.split(';')[0]!.trim().toLowerCase(), content: decodeBody(part) });
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'");
}

export function parseMessage(raw: string, recipients: string[]): ReceivedMessage {
  const root = splitPart(raw);
  const leaves: { type: string; content: string }[] = [];
  collectLeaves(root, leaves);
  const plain = leaves.find((leaf) => leaf.type === 'text/plain')?.content ?? null;
  const html = leaves.find((leaf) => leaf.type === 'text/html')?.content ?? null;
  const text = (plain ?? (html ? htmlToText(html) : '')).replace(/\r\n/g, '\n');
  const searchable = `${text}\n${html ? html.replaceAll('&amp;', '&') : ''}`;
  const links = [...new Set(searchable.match(/https?:\/\/[^\s"'<>)\]]+/g) ?? [])];
  const headerTo = (root.headers.get('to') ?? '').toLowerCase();
  const all = recipients.length > 0 ? recipients.map((r) => r.toLowerCase()) : [headerTo];
  return {
    to: all[0] ?? '',
    recipients: all,
    subject: decodeHeader(root.headers.get('subject') ?? ''),
    text,
    html,
    links,
    raw,
  };
}

/** A real SMTP server on loopback that keeps every message it receives, for tests to read. */
export async function startMailbox(): Promise<Mailbox> {
  const received: ReceivedMessage[] = [];
  const unclaimed: ReceivedMessage[] = [];
  const waiters: { test: (m: ReceivedMessage) => boolean; resolve: (m: ReceivedMessage) => void }[] = [];

  const deliver = (message: ReceivedMessage) => {
    received.push(message);
    const index = waiters.findIndex((waiter) => waiter.test(message));
    if (index >= 0) {
      const [waiter] = waiters.splice(index, 1);
      waiter!.resolve(message);
    } else {
      unclaimed.push(message);
    }
  };

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
        deliver(parseMessage(Buffer.concat(chunks).toString('utf8'), recipients));
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('The SMTP server did not get a TCP port');
  }

  return {
    port: address.port,
    received,
    waitFor(match, timeoutMs = 15_000) {
      const test =
        typeof match === 'string'
          ? (m: ReceivedMessage) => m.recipients.includes(match.toLowerCase())
          : match;
      const index = unclaimed.findIndex(test);
      if (index >= 0) {
        return Promise.resolve(unclaimed.splice(index, 1)[0]!);
      }
      return new Promise<ReceivedMessage>((resolve, reject) => {
        const waiter = {
          test,
          resolve: (m: ReceivedMessage) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          const seen = received.map((m) => `${m.to}: ${m.subject}`).join('; ') || 'none';
          const wanted = typeof match === 'string' ? match : 'a message matching the predicate';
          reject(new Error(`No email to ${wanted} within ${timeoutMs} ms (received: ${seen})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
