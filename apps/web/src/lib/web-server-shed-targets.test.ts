// Shedding runs outside Next, so an exception there ends the whole web server (issue #12, under load): a request
// with a malformed percent-escape or a target no URL can be made of must get its 503 like any other.
import type { Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebServer } from './web-server';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

/** A server that sheds every request (nothing may be in flight, by default), and its port. */
async function sheddingServer(maxConcurrent = 0): Promise<number> {
  const server = createWebServer({
    handle: async (_req, res) => void res.end('served'),
    trustedProxies: [],
    proxySecret: () => undefined,
    maxConcurrent,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends `GET <target>` on a raw socket (no client library to tidy the target up) and returns the status line. */
function rawGet(port: number, target: string, accept = 'application/json'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nAccept: ${accept}\r\nConnection: close\r\n\r\n`),
    );
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('shedding odd request targets', () => {
  it.each([
    ['/trpc/%zz', 'application/json'],
    ['/trpc/a,%E0%A4%A?batch=1', 'application/json'],
    ['/%zz', 'text/html'],
    ['http://x/', 'text/html'],
    ['http://x:99999/', 'application/json'],
    ['//[', 'application/json'],
  ])('GET %s gets 503, and the server keeps answering', async (target, accept) => {
    const port = await sheddingServer();
    expect(await rawGet(port, target, accept)).toBe('HTTP/1.1 503 Service Unavailable');
    expect(await rawGet(port, '/dashboard')).toBe('HTTP/1.1 503 Service Unavailable');
  });
});

// Attacker review: Next decodes route params before the portal's code runs, and answered these with a bare 500.
describe('a path with a percent-escape that does not decode', () => {
  it.each([
    ['/countries/%FF', 'text/html'],
    ['/elements/%ED%A0%80', 'text/html'],
    ['/trpc/%FF', 'application/json'],
    ['/files/%zz', 'application/json'],
  ])('GET %s gets 400, and the server keeps answering', async (target, accept) => {
    const port = await sheddingServer(10);
    expect(await rawGet(port, target, accept)).toBe('HTTP/1.1 400 Bad Request');
    expect(await rawGet(port, '/countries/%E6%97%A5?q=%FF')).toBe('HTTP/1.1 200 OK');
  });
});
