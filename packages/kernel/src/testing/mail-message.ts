/** One email as a test sees it: its recipients, subject, text, HTML and the links in either. */
export interface ReceivedMail {
  /** Envelope recipients, lower-cased (the To header when the envelope is empty). */
  to: string[];
  subject: string;
  /** The plain-text part, or the HTML part without tags when there is no plain text. */
  text: string;
  html: string | null;
  links: string[];
  raw: string;
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

/** One raw RFC 5322 message (multipart, quoted-printable, base64, encoded headers) as a test reads it. */
export function parseMail(raw: string, recipients: string[]): ReceivedMail {
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
    to: all,
    subject: decodeHeader(root.headers.get('subject') ?? ''),
    text,
    html,
    links,
    raw,
  };
}
