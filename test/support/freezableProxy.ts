import { AddressInfo, Server, Socket, createConnection, createServer } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 between the bot and its storage that can freeze: while frozen it reads
 * nothing from either side and opens no connection upstream, so requests and answers stall as on a
 * network that hangs (no error, no reset, no progress). Thawing lets everything that was held flow
 * on, as a network does when it recovers: a request the bot already gave up on may still reach
 * storage afterwards, which is exactly the case a store must survive without half-written rows.
 */
export class FreezableProxy {
  private frozenNow = false;
  private readonly pairs = new Set<{ client: Socket; upstream?: Socket }>();
  private readonly waiting: (() => void)[] = [];
  /** Every socket this proxy has open, on either side, so stop() leaves nothing behind. */
  private readonly sockets = new Set<Socket>();
  readonly stats = { connections: 0, connectedWhileFrozen: 0 };

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Sees every chunk that passes, e.g. to find the request storage answered with a 500. */
  tap?: (direction: 'toStorage' | 'fromStorage', chunk: Buffer) => void;

  static async start(target: { readonly host: string; readonly port: number }): Promise<FreezableProxy> {
    let proxy: FreezableProxy | undefined;
    const server = createServer({ pauseOnConnect: true }, (client) => proxy!.accept(client, target));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    proxy = new FreezableProxy(server, (server.address() as AddressInfo).port);
    return proxy;
  }

  get frozen(): boolean {
    return this.frozenNow;
  }

  /** From now on nothing moves in either direction, and new connections wait. */
  freeze(): void {
    this.frozenNow = true;
    for (const { client, upstream } of this.pairs) {
      client.pause();
      upstream?.pause();
    }
  }

  /** Everything held flows on; waiting connections are opened upstream. */
  thaw(): void {
    this.frozenNow = false;
    for (const { client, upstream } of this.pairs) {
      if (upstream) {
        client.resume();
        upstream.resume();
      }
    }
    for (const open of this.waiting.splice(0)) open();
  }

  /** Drops every connection and stops listening. */
  async stop(): Promise<void> {
    this.waiting.length = 0;
    for (const socket of this.sockets) socket.destroy();
    this.pairs.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, target: { readonly host: string; readonly port: number }): void {
    this.stats.connections++;
    this.track(client);
    const pair: { client: Socket; upstream?: Socket } = { client };
    this.pairs.add(pair);
    const drop = () => {
      client.destroy();
      pair.upstream?.destroy();
      this.pairs.delete(pair);
    };
    client.on('error', drop);
    const open = () => {
      if (client.destroyed) return drop();
      const upstream = createConnection({ host: target.host, port: target.port });
      this.track(upstream);
      pair.upstream = upstream;
      upstream.on('error', drop);
      upstream.on('close', () => {
        client.end();
        this.pairs.delete(pair);
      });
      client.on('close', () => {
        upstream.end();
        this.pairs.delete(pair);
      });
      // Forwarded by hand rather than piped: pipe() resumes a paused source on 'drain', which would thaw it.
      client.on('data', (chunk: Buffer) => {
        this.tap?.('toStorage', chunk);
        upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => {
        this.tap?.('fromStorage', chunk);
        client.write(chunk);
      });
      client.on('end', () => upstream.end());
      upstream.on('end', () => client.end());
      if (!this.frozenNow) client.resume();
      else upstream.pause();
    };
    if (this.frozenNow) {
      this.stats.connectedWhileFrozen++;
      this.waiting.push(open);
    } else {
      open();
    }
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }
}
