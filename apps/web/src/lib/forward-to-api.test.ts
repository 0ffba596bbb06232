// The hop from the web server to the API when the API is down, silent or busy, or the browser goes away
// (issue #12, finding 11 and "under load"): a status that says so and a message, never an empty 500 or a crash.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppRouter } from '@ree/api/router';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { afterEach, describe, expect, it } from 'vitest';
import { type ApiHop, forwardToApi, silenceAllowed } from './forward-to-api';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An address where nothing listens: a port that was free a moment ago. */
async function deadApi(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return `http://127.0.0.1:${port}`;
}

const hop = (apiUrl: string, timeoutMs = 5_000): ApiHop => ({ apiUrl, timeoutMs, longTimeoutMs: 60_000 });
const portal = (path: string, init?: RequestInit) => new Request(`http://localhost:3000${path}`, init);

describe('forwardToApi when the API cannot answer', () => {
  it('API down: 503 with Retry-After and a message, as JSON for fetches', async () => {
    const response = await forwardToApi(
      portal('/api/auth/sign-in/email', { method: 'POST', body: '{}' }),
      '/api/auth/sign-in/email',
      hop(await deadApi()),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/not running/) });
  });

  it('API down: a browser following an export link gets a page that says so', async () => {
    const response = await forwardToApi(
      portal('/files/audit.csv', { headers: { accept: 'text/html,*/*' } }),
      '/files/audit.csv',
      hop(await deadApi()),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/<h1>Service unavailable<\/h1>.*not running/);
  });

  it('API silent: 504 after the hop’s time-out, not a wait without end', async () => {
    const api = await listen(() => {
      // never answers
    });
    const started = performance.now();
    const response = await forwardToApi(portal('/trpc/me.get'), '/trpc/me.get', hop(api, 300));
    expect(response.status).toBe(504);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a tRPC batch hears the failure as tRPC errors the page can show, one per call', async () => {
    const browserApi = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: 'http://localhost:3000/trpc',
          transformer: superjson,
          fetch: async (url, init) => {
            const request = portal(new URL(String(url)).pathname + new URL(String(url)).search, init);
            return forwardToApi(request, new URL(request.url).pathname, hop(apiUrl));
          },
        }),
      ],
    });
    const apiUrl = await deadApi();
    const [me, health] = await Promise.allSettled([browserApi.me.get.query(), browserApi.me.get.query()]);
    for (const result of [me, health]) {
      expect(result.status).toBe('rejected');
      const error = (result as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(TRPCClientError);
      expect(error.message).toMatch(/data service is not running/);
      expect(error.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503 });
    }
  });

  it('passes the API’s own busy answer on with its Retry-After', async () => {
    const api = await listen((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '2' });
      res.end('{"error":"busy"}');
    });
    const response = await forwardToApi(portal('/trpc/me.get'), '/trpc/me.get', hop(api));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
  });
});

describe('forwardToApi and the browser', () => {
  it('a client that goes away mid-upload ends the hop, with no uncaught "aborted"', async () => {
    let apiSawEnd: (how: string) => void = () => {};
    const apiEnded = new Promise<string>((resolve) => (apiSawEnd = resolve));
    const api = await listen((req, res) => {
      req.on('data', () => {});
      req.on('end', () => apiSawEnd('end'));
      req.on('error', () => apiSawEnd('error'));
      req.on('close', () => {
        apiSawEnd('close');
        res.destroy();
      });
    });
    let cut: (error: Error) => void = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(64 * 1024));
        cut = (error) => controller.error(error);
      },
    });
    const pending = forwardToApi(
      portal('/files/import?x=1', { method: 'POST', body, duplex: 'half' } as RequestInit),
      '/files/import',
      hop(api),
    );
    await new Promise((r) => setTimeout(r, 100));
    cut(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    expect([502, 503]).toContain((await pending).status);
    expect(await apiEnded).not.toBe('end');
  });

  it('forwards every Set-Cookie of a sign-in, and answers without a body where HTTP has none', async () => {
    const api = await listen((req, res) => {
      if (req.url === '/api/auth/sign-out') {
        res.writeHead(204);
        return res.end();
      }
      res.setHeader('set-cookie', ['a=1; HttpOnly', 'b=2; HttpOnly']);
      res.end('{}');
    });
    const signedIn = await forwardToApi(
      portal('/api/auth/sign-in/email'),
      '/api/auth/sign-in/email',
      hop(api),
    );
    expect(signedIn.headers.getSetCookie()).toEqual(['a=1; HttpOnly', 'b=2; HttpOnly']);
    const out = await forwardToApi(portal('/api/auth/sign-out'), '/api/auth/sign-out', hop(api));
    expect(out.status).toBe(204);
  });

  it('allows the long calls (upload, applying an import) their own time-out', () => {
    const h = { apiUrl: 'http://x', timeoutMs: 1, longTimeoutMs: 2 };
    expect(silenceAllowed('/files/import', h)).toBe(2);
    expect(silenceAllowed('/trpc/imports.applyRows', h)).toBe(2);
    expect(silenceAllowed('/trpc/me.get%2Cimports.applyRows', h)).toBe(2);
    expect(silenceAllowed('/trpc/imports.applyRowsX', h)).toBe(1);
    expect(silenceAllowed('/files/audit.csv', h)).toBe(1);
  });
});

describe('forwardToApi for the REST API (/api/v1)', () => {
  async function echoApi() {
    const seen: Record<string, string | undefined>[] = [];
    const api = await listen((req, res) => {
      seen.push({
        url: req.url,
        authorization: req.headers.authorization,
        ifNoneMatch: req.headers['if-none-match'],
        forwardedFor: req.headers['x-forwarded-for'] as string | undefined,
      });
      res.setHeader('ETag', '"abc"');
      res.setHeader('WWW-Authenticate', 'Bearer realm="ree-api"');
      res.setHeader('Vary', 'Authorization, Cookie');
      res.statusCode = req.headers['if-none-match'] === '"abc"' ? 304 : 200;
      res.end(res.statusCode === 304 ? undefined : '{}');
    });
    return { api, seen };
  }

  it('passes the bearer token and If-None-Match on, and ETag / WWW-Authenticate back; 304 has no body', async () => {
    const { api, seen } = await echoApi();
    const headers = {
      authorization: 'Bearer ree_t0ken',
      'if-none-match': '"abc"',
      'x-forwarded-for': '203.0.113.9',
    };
    const response = await forwardToApi(
      portal('/api/v1/concentration?material=Dy', { headers }),
      '/api/v1/concentration',
      hop(api),
    );
    expect(seen[0]).toEqual({
      url: '/api/v1/concentration?material=Dy',
      authorization: 'Bearer ree_t0ken',
      ifNoneMatch: '"abc"',
      forwardedFor: '203.0.113.9',
    });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe('"abc"');
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="ree-api"');
    expect(response.headers.get('vary')).toBe('Authorization, Cookie');
  });

  it('never passes an Authorization header to tRPC or better-auth', async () => {
    const { api, seen } = await echoApi();
    const headers = { authorization: 'Bearer ree_t0ken' };
    await forwardToApi(portal('/trpc/me.get', { headers }), '/trpc/me.get', hop(api));
    await forwardToApi(portal('/api/auth/get-session', { headers }), '/api/auth/get-session', hop(api));
    expect(seen.map((s) => s.authorization)).toEqual([undefined, undefined]);
  });
});
