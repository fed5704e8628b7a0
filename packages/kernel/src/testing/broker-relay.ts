import net from 'node:net';

/** A TCP relay to RabbitMQ that a test cuts and restores: a broker outage without touching the broker. */
export interface BrokerRelay {
  /** `amqp://` URL through the relay; the port stays the same across `cut` and `restore`. */
  url: string;
  /** Drops every connection and stops listening. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
}

export async function startBrokerRelay(broker = { host: '127.0.0.1', port: 5672 }): Promise<BrokerRelay> {
  const open = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(broker.port, broker.host);
        for (const [socket, other] of [
          [client, upstream],
          [upstream, client],
        ] as const) {
          open.add(socket);
          socket.on('error', () => undefined);
          socket.on('close', () => {
            open.delete(socket);
            other.destroy();
          });
          socket.pipe(other);
        }
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as net.AddressInfo).port;
        server = next;
        resolve();
      });
    });
  await listen();
  return {
    url: `amqp://guest:guest@127.0.0.1:${port}`,
    restore: listen,
    async cut() {
      const closing = server;
      server = undefined;
      open.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => (closing ? closing.close(() => resolve()) : resolve()));
    },
  };
}
