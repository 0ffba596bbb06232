// Server components' calls to the API have a time-out and say what went wrong (issue #12, "under load").
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.API_TIMEOUT_MS = '300';
});
const { ApiUnavailableError, fetchFromApi } = await import('./api-server');

let silent: Server | undefined;
afterAll(() => silent?.closeAllConnections());

describe('fetchFromApi', () => {
  it('gives up on a silent API after API_TIMEOUT_MS with a 504 that says so', async () => {
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent?.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const started = performance.now();
    const failure = await fetchFromApi(`http://127.0.0.1:${port}/trpc/me.get`).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(failure).toBeInstanceOf(ApiUnavailableError);
    expect(failure).toMatchObject({ status: 504, message: expect.stringMatching(/did not answer within/) });
  });

  it('says the data service is not running when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((r) => probe.close(r));
    const failure = await fetchFromApi(`http://127.0.0.1:${port}/trpc/me.get`).catch((e: unknown) => e);
    expect(failure).toMatchObject({ status: 503, message: expect.stringMatching(/not running/) });
  });
});
