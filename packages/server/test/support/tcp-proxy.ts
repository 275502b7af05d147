/**
 * A TCP proxy the test controls (issue 13's "cut the network"): forwards a local port to a target port, and on
 * `cut()` breaks every open connection and refuses new ones until `restore()`. The target may change (a restarted
 * server comes back on another port).
 */
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  url: string;
  /** Where connections go from now on. */
  retarget(port: number): void;
  cut(): void;
  restore(): void;
  /** Connections accepted since start (each is a client's TCP connection). */
  connections(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let target = targetPort;
  let isCut = false;
  let accepted = 0;
  const open = new Set<Socket>();
  const track = (s: Socket) => {
    open.add(s);
    s.once('close', () => open.delete(s));
  };
  const server = createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    accepted += 1;
    const upstream = connect(target, '127.0.0.1');
    track(client);
    track(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    retarget: (p) => {
      target = p;
    },
    cut() {
      isCut = true;
      for (const s of open) s.destroy();
    },
    restore() {
      isCut = false;
    },
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
