import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ServerHandlers {
  rest(req: IncomingMessage, res: ServerResponse): Promise<void>;
  gateway(socket: WebSocket): void;
}

export interface ListeningServer {
  readonly port: number;
  close(): Promise<void>;
}

/** REST and the gateway WebSocket on one port on 127.0.0.1; upgrades go to paths under /gateway. */
export async function listen(port: number, handlers: () => ServerHandlers): Promise<ListeningServer> {
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((req, res) => {
    handlers()
      .rest(req, res)
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ code: 0, message: `500: ${error instanceof Error ? error.message : 'Internal Server Error'}` }));
      });
  });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://stand-in.local').pathname;
    if (!path.startsWith('/gateway')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => handlers().gateway(ws));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
