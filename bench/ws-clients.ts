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

function open(start: Start, index: number, onSubscribed: () => void): void {
  const socket = new WebSocket(`${start.url}/api/v1/ws`);
  const seen = new Set<string>();
  sockets.push(socket);
  socket.on('open', () =>
    socket.send(JSON.stringify({ type: 'auth', token: start.tokens[index % start.tokens.length] })),
  );
  socket.on('message', (raw: Buffer) => {
    const message = JSON.parse(raw.toString('utf8')) as {
      type: string;
      code?: string;
      event?: { id: string; type: string; data: { title?: string } };
    };
    if (message.type === 'ready') {
      socket.send(JSON.stringify({ type: 'subscribe', channel: start.channel }));
    } else if (message.type === 'subscribed') {
      onSubscribed();
    } else if (message.type === 'error') {
      send({ type: 'failed', message: `client ${index}: ${message.code}` });
    } else if (message.type === 'event' && message.event?.type === 'tasks.task.created') {
      const title = message.event.data.title ?? '';
      if (title.startsWith(start.titlePrefix) && !seen.has(message.event.id)) {
        seen.add(message.event.id);
        const times = receipts.get(title) ?? [];
        times.push(now());
        receipts.set(title, times);
      }
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
    for (let i = 0; i < message.count; i += 1) {
      open(message, i, () => {
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
