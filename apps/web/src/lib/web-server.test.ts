// The server in front of Next (issue #12: finding 6's web half, and "under load"): it sheds load at once past
// its limit, and the API hears the client's address with the proxy secret, never one the browser chose.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppRouter } from '@ree/api/router';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchFromApi } from './api-server';
import { PROXY_SECRET_FILE, PROXY_SECRET_HEADER, proxySecretSource } from './proxy-secret';
import { noteApiFailure } from './request-failures';
import { createWebServer, type WebServerOptions } from './web-server';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

async function start(options: Partial<WebServerOptions> & Pick<WebServerOptions, 'handle'>) {
  const server = createWebServer({
    trustedProxies: [],
    proxySecret: () => undefined,
    maxConcurrent: 8,
    ...options,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const echoHeaders = async (req: IncomingMessage, res: ServerResponse) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(req.headers));
};

describe('load shedding', () => {
  it('past the limit, answers 503 with Retry-After within a second instead of queueing', async () => {
    const held: ServerResponse[] = [];
    const base = await start({
      maxConcurrent: 2,
      handle: async (_req, res) => {
        held.push(res); // a slow page: answered only when the test lets it go
      },
    });
    const slow = [fetch(`${base}/dashboard`), fetch(`${base}/dashboard`)];
    while (held.length < 2) await new Promise((r) => setTimeout(r, 10));
    const started = performance.now();
    const page = await fetch(`${base}/dashboard`, { headers: { accept: 'text/html' } });
    const call = await fetch(`${base}/trpc/me.get`);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('1');
    expect(await page.text()).toMatch(/busy/);
    expect(call.status).toBe(503);
    expect(await call.json()).toMatchObject({ error: { json: { data: { code: 'SERVICE_UNAVAILABLE' } } } });
    for (const res of held) res.end('done');
    expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200]);
    // Capacity is given back once answers finish.
    held.length = 0;
    const after = fetch(`${base}/dashboard`);
    while (held.length < 1) await new Promise((r) => setTimeout(r, 10));
    held[0]?.end('ok');
    expect((await after).status).toBe(200);
  });

  it('a shed request without a body keeps its connection; an upload is closed', async () => {
    const base = await start({
      eventLoopLag: { ms: () => 1_000, maxMs: 200, minInFlight: 0 },
      handle: echoHeaders,
    });
    // Closing every shed connection made clients under load reconnect faster than a busy server accepts: their
    // SYNs then waited for TCP's retransmits and 503s took 15 s.
    const connectionOf = (method: string, body?: string) =>
      new Promise<string | undefined>((resolve, reject) => {
        const req = request(`${base}/dashboard`, { method }, (res) => {
          res.resume();
          resolve(res.headers.connection);
        });
        req.on('error', reject);
        req.end(body);
      });
    expect(await connectionOf('GET')).toBe('keep-alive');
    expect(await connectionOf('POST', 'a=b')).toBe('close');
  });

  it('while the event loop lags past its limit, sheds at once; once it catches up, serves again', async () => {
    let lagMs = 0;
    const base = await start({
      eventLoopLag: { ms: () => lagMs, maxMs: 200, minInFlight: 0 },
      handle: echoHeaders,
    });
    expect((await fetch(`${base}/dashboard`)).status).toBe(200);
    lagMs = 350; // renders keep the loop busy: counting requests in flight would still admit this one
    const shed = await fetch(`${base}/dashboard`, { headers: { accept: 'text/html' } });
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    lagMs = 20;
    expect((await fetch(`${base}/dashboard`)).status).toBe(200);
  });

  it('a lagging loop with fewer requests in flight than the minimum still serves (a slow machine)', async () => {
    const held: ServerResponse[] = [];
    const base = await start({
      eventLoopLag: { ms: () => 1_000, maxMs: 200, minInFlight: 1 },
      handle: async (req, res) => {
        if (req.url === '/slow') held.push(res);
        else await echoHeaders(req, res);
      },
    });
    expect((await fetch(`${base}/alone`)).status).toBe(200); // nothing else in flight: served
    const slow = fetch(`${base}/slow`);
    while (held.length < 1) await new Promise((r) => setTimeout(r, 10));
    expect((await fetch(`${base}/second`)).status).toBe(503); // one in flight and lagging: shed
    held[0]?.end('done');
    await slow;
  });

  it('a failing handler gives 500 with a body, and the server keeps serving', async () => {
    let fail = true;
    const base = await start({
      handle: async (req, res) => {
        if (fail) throw new Error('boom');
        await echoHeaders(req, res);
      },
    });
    const broken = await fetch(`${base}/`);
    expect(broken.status).toBe(500);
    expect(await broken.text()).not.toBe('');
    fail = false;
    expect((await fetch(`${base}/`)).status).toBe(200);
  });
});

describe('pages the API could not serve (finding 11)', () => {
  it('a 500 caused by a failed API call goes out as 503 with Retry-After; other 500s stay 500', async () => {
    const base = await start({
      handle: async (req, res) => {
        if (req.url === '/dashboard') {
          noteApiFailure({ status: 503, message: 'down', retryAfter: 30 });
        }
        await new Promise((r) => setTimeout(r, 5)); // the render goes on asynchronously
        res.statusCode = 500;
        res.end('<p>The data could not be loaded.</p>');
      },
    });
    const page = await fetch(`${base}/dashboard`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('30');
    expect(await page.text()).toMatch(/could not be loaded/);
    expect((await fetch(`${base}/other`)).status).toBe(500);
  });
});

describe('pages whose API call was shed (issue #12, under load)', () => {
  /** An API that sheds every call as the real one does: tRPC's error envelope, the status, Retry-After. */
  async function sheddingApi(status: 503 | 429, code: string) {
    return start({
      handle: async (_req, res) => {
        res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '2' });
        const error = { message: 'not now', code: -32603, data: { code, httpStatus: status } };
        res.end(JSON.stringify({ error: superjson.serialize(error) }));
      },
    });
  }

  /** A page as a server component renders it: one call to the API, and Next's error page (500) when it throws. */
  const pageCalling = (apiUrl: string) => async (_req: IncomingMessage, res: ServerResponse) => {
    const api = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${apiUrl}/trpc`, transformer: superjson, fetch: fetchFromApi })],
    });
    try {
      await api.me.get.query();
      res.writeHead(200).end('<p>dashboard</p>');
    } catch {
      res.writeHead(500, { 'content-type': 'text/html' }).end('<p>The data could not be loaded.</p>');
    }
  };

  it('the API answering 503 makes the page 503 with the API’s Retry-After, not 500', async () => {
    const base = await start({ handle: pageCalling(await sheddingApi(503, 'SERVICE_UNAVAILABLE')) });
    const page = await fetch(`${base}/dashboard`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('2');
  });

  it('the API answering 429 (one visitor flooding) makes the page 429 with Retry-After', async () => {
    const base = await start({ handle: pageCalling(await sheddingApi(429, 'TOO_MANY_REQUESTS')) });
    const page = await fetch(`${base}/dashboard`);
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toBe('2');
  });
});

describe('what the API hears about the client (finding 6)', () => {
  it('X-Forwarded-For from the socket, with the proxy secret; a browser-sent secret is replaced', async () => {
    const secret = 's'.repeat(40);
    const base = await start({ handle: echoHeaders, proxySecret: () => secret });
    const seen = await (
      await fetch(base, { headers: { 'x-forwarded-for': '198.51.100.7', [PROXY_SECRET_HEADER]: 'guessed' } })
    ).json();
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen[PROXY_SECRET_HEADER]).toBe(secret);
  });

  it('without a secret yet, a browser-sent one is removed', async () => {
    const base = await start({ handle: echoHeaders });
    const seen = await (await fetch(base, { headers: { [PROXY_SECRET_HEADER]: 'guessed' } })).json();
    expect(seen[PROXY_SECRET_HEADER]).toBeUndefined();
  });

  it('reads the API’s secret file once it appears, and again when it changes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ree-web-secret-'));
    const source = proxySecretSource(undefined, dir);
    expect(source()).toBeUndefined();
    writeFileSync(path.join(dir, PROXY_SECRET_FILE), `${'a'.repeat(43)}\n`);
    expect(source()).toBe('a'.repeat(43));
    writeFileSync(path.join(dir, PROXY_SECRET_FILE), `${'b'.repeat(44)}\n`);
    expect(source()).toBe('b'.repeat(44));
    expect(proxySecretSource('c'.repeat(32), dir)()).toBe('c'.repeat(32));
  });
});
