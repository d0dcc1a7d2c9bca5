import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/** GET /health → 200 when connected to Discord, 503 otherwise. Holds no member data. */
export async function startHealthServer(port: number, status: () => { discord: boolean; inFlight: number }): Promise<HealthServer> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/health') {
      response.writeHead(404).end();
      return;
    }
    const current = status();
    response.writeHead(current.discord ? 200 : 503, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: current.discord ? 'ok' : 'degraded', ...current }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
