import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer } from '../../src/app/health.js';

describe('health endpoint', () => {
  let server: HealthServer | undefined;
  afterEach(async () => server?.close());

  it('answers 200 while connected to Discord and 503 otherwise, with no member data', async () => {
    let connected = true;
    server = await startHealthServer(0, () => ({ discord: connected, inFlight: 2 }));
    const ok = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok', discord: true, inFlight: 2 });
    connected = false;
    expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
  });
});
