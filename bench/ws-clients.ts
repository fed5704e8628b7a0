// Live-update receivers: one child process holding many WebSocket clients of /api/v1/ws (protocol:
// apps/gateway/src/realtime/protocol.ts), so the receiving side is spread over processes. Each
// client authenticates, subscribes to a project and notes when each task-created event arrives.
import WebSocket from 'ws';

interface Start {
  type: 'start';
  url: string;
  tokens: string[];
  channel: string;
  count: number;
  titlePrefix: string;
}

const now = () => performance.timeOrigin + performance.now();
const send = (message: unknown) => process.send?.(message);

/** Receipt times by task title; one entry per client that got it (duplicates dropped by event id). */
const receipts = new Map<string, number[]>();
const sockets: WebSocket[] = [];
let closedEarly = 0;
let collecting = false;

const TITLE_KEY = '"title":"';
const CREATED = Buffer.from('"type":"tasks.task.created"');

/**
 * The title of a measured write's task-created event, read from the message's bytes (`marker` is
 * `"title":"<prefix>`), or undefined for any other message. Not parsed as JSON: in a browser each
 * client parses its own messages, here each process parses those of 250 clients one after another,
 * and a later client's receipt waits for that. In 7 alternating pairs of live runs the delay's p99
 * was 208–655 ms parsing, 137–291 ms reading the bytes; one full run each did not show it
 * (bench/RESULTS.md). Titles are `<prefix><n>`, nothing in them escaped.
 */
function measuredTitle(raw: Buffer, marker: Buffer): string | undefined {
  const found = raw.indexOf(marker);
  if (found < 0 || !raw.includes(CREATED)) {
    return undefined;
  }
  const start = found + TITLE_KEY.length;
  const end = raw.indexOf('"', start);
  return end < 0 ? undefined : raw.toString('utf8', start, end);
}

function open(start: Start, titleMarker: Buffer, index: number, onSubscribed: () => void): void {
  const socket = new WebSocket(`${start.url}/api/v1/ws`);
  const seen = new Set<string>();
  sockets.push(socket);
  socket.on('open', () =>
    socket.send(JSON.stringify({ type: 'auth', token: start.tokens[index % start.tokens.length] })),
  );
  socket.on('message', (raw: Buffer) => {
    const at = now();
    const title = measuredTitle(raw, titleMarker);
    if (title !== undefined) {
      // Each write has a title of its own: a second receipt of it is the same event again.
      if (!seen.has(title)) {
        seen.add(title);
        const times = receipts.get(title) ?? [];
        times.push(at);
        receipts.set(title, times);
      }
      return;
    }
    const message = JSON.parse(raw.toString('utf8')) as { type: string; code?: string };
    if (message.type === 'ready') {
      socket.send(JSON.stringify({ type: 'subscribe', channel: start.channel }));
    } else if (message.type === 'subscribed') {
      onSubscribed();
    } else if (message.type === 'error') {
      send({ type: 'failed', message: `client ${index}: ${message.code}` });
    }
  });
  socket.on('close', () => {
    if (!collecting) {
      closedEarly += 1;
    }
  });
  socket.on('error', (error) => send({ type: 'failed', message: `client ${index}: ${error.message}` }));
}

process.on('message', (message: Start | { type: 'collect' }) => {
  if (message.type === 'start') {
    let subscribed = 0;
    const titleMarker = Buffer.from(`${TITLE_KEY}${message.titlePrefix}`);
    for (let i = 0; i < message.count; i += 1) {
      open(message, titleMarker, i, () => {
        subscribed += 1;
        if (subscribed === message.count) {
          send({ type: 'ready' });
        }
      });
    }
  } else {
    collecting = true;
    // Closes only once the (large) message has been handed over, so no receipt is cut off.
    process.send?.({ type: 'receipts', receipts: [...receipts], closedEarly }, undefined, {}, () => {
      for (const socket of sockets) {
        socket.terminate();
      }
      process.disconnect();
    });
  }
});
