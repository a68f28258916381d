import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drain } from './drain';

let server: http.Server | undefined;
afterEach(() => server?.closeAllConnections());

function slowServer(delayMs: number): Promise<string> {
  server = http.createServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('answered');
    }, delayMs);
  });
  return new Promise((resolve) => server!.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`)));
}

describe('drain', () => {
  it('answers a request already in flight, then refuses new connections', async () => {
    const url = await slowServer(300);
    const inFlight = fetch(url).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const drained = drain(server!, 5000);
    expect(await inFlight).toBe('answered');
    expect(await drained).toBe('drained');
    await expect(fetch(url)).rejects.toThrow();
  });

  it('cuts a request that outlives the grace period', async () => {
    const url = await slowServer(60_000);
    const stuck = fetch(url).then(
      () => 'answered',
      () => 'cut off',
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(await drain(server!, 200)).toBe('cut');
    expect(await stuck).toBe('cut off');
  });
});
