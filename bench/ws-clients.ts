// Live-update receivers: one child process holding many WebSocket clients of /api/v1/ws (protocol:
// apps/gateway/src/realtime/protocol.ts), so the receiving side is spread over processes. Each
// client authenticates, subscribes to a project and notes when each task-created event arrives.
import WebSocket from 'ws';
import { liveTitle, liveWriteAt } from './lib/live-titles.ts';
import { anchorWallClock, wallClockNow } from './lib/wall-clock.ts';

interface Start {
  type: 'start';
  url: string;
  tokens: string[];
  channel: string;
  count: number;
  titlePrefix: string;
}

const send = (message: unknown) => process.send?.(message);

/**
 * Receipt times of the writes, by the number their title stands for (lib/live-titles.ts): one entry
 * per client that got it, duplicates dropped. Kept by number, not title, so a receipt makes no
 * string: in 7 alternating pairs of live runs the receivers used 9.1–10.3 s of CPU against
 * 10.5–11.9 s, and the delay's p99 was 118–209 ms against 231–373 ms (bench/RESULTS.md).
 */
const receipts = new Map<number, number[]>();
const sockets: WebSocket[] = [];
let closedEarly = 0;
let collecting = false;
/** The title prefix of this run's writes (from the start message). */
let prefix = '';

const TITLE_KEY = '"title":"';
const CREATED = Buffer.from('"type":"tasks.task.created"');

/**
 * Which measured write a task-created event is of, read from the message's bytes (`marker` is
 * `"title":"<prefix>`), or undefined for any other message. Not parsed as JSON: in a browser each
 * client parses its own messages, here each process parses those of 250 clients one after another,
 * and a later client's receipt waits for that. In 7 alternating pairs of live runs the delay's p99
 * was 208–655 ms parsing, 137–291 ms reading the bytes; one full run each did not show it
 * (bench/RESULTS.md). Nothing in the titles is escaped.
 */
function measuredWrite(raw: Buffer, marker: Buffer): number | undefined {
  const found = raw.indexOf(marker);
  if (found < 0 || !raw.includes(CREATED)) {
    return undefined;
  }
  return liveWriteAt(raw, found + marker.length);
}

function open(start: Start, titleMarker: Buffer, index: number, onSubscribed: () => void): void {
  const socket = new WebSocket(`${start.url}/api/v1/ws`, { skipUTF8Validation: true });
  const seen = new Set<number>();
  sockets.push(socket);
  socket.on('open', () =>
    socket.send(JSON.stringify({ type: 'auth', token: start.tokens[index % start.tokens.length] })),
  );
  socket.on('message', (raw: Buffer) => {
    const at = wallClockNow();
    const write = measuredWrite(raw, titleMarker);
    if (write !== undefined) {
      // Each write has a title of its own: a second receipt of it is the same event again.
      if (!seen.has(write)) {
        seen.add(write);
        const times = receipts.get(write);
        if (times) {
          times.push(at);
        } else {
          receipts.set(write, [at]);
        }
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
    anchorWallClock();
    let subscribed = 0;
    prefix = message.titlePrefix;
    const titleMarker = Buffer.from(`${TITLE_KEY}${prefix}`);
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
    process.send?.(
      {
        type: 'receipts',
        receipts: [...receipts].map(([write, times]) => [liveTitle(prefix, write), times]),
        closedEarly,
      },
      undefined,
      {},
      () => {
        for (const socket of sockets) {
          socket.terminate();
        }
        process.disconnect();
      },
    );
  }
});
