import { createServer, Socket } from 'node:net';

export interface TcpSwitch {
  /** The port clients connect to, on 127.0.0.1. */
  readonly port: number;
  /** Cuts every connection made so far and sends the next ones to `port`. */
  switchTo(port: number): void;
  close(): Promise<void>;
}

/**
 * What production's virtual IP or TCP proxy in front of Postgres does through a failover: one
 * address for the clients (the pg driver takes one host), forwarded to the current primary.
 * Connections to a target that refuses them are cut at once, as a proxy without a backend does.
 */
export async function startTcpSwitch(target: number): Promise<TcpSwitch> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = new Socket();
    open.add(client).add(upstream);
    const cut = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.once('error', cut).once('close', cut);
    upstream.once('error', cut).once('close', cut);
    upstream.connect(target, '127.0.0.1', () => client.pipe(upstream).pipe(client));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    switchTo(port) {
      target = port;
      for (const socket of [...open]) socket.destroy();
      open.clear();
    },
    close() {
      for (const socket of [...open]) socket.destroy();
      open.clear();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
