// The load balancer of the multi-instance test: one port in front of the web servers, each request to the next one
// in turn (per request, not per connection, as nginx and HAProxy do with keep-alive upstreams). Every answer names
// the server that gave it in `x-upstream`, so a test can show that both were used. A request may name its server
// in `x-test-upstream` (this proxy's own header, never passed on) to check one instance on purpose.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Upstream {
  name: string;
  port: number;
}

export const UPSTREAM_HEADER = 'x-upstream';
export const PIN_HEADER = 'x-test-upstream';

export interface RoundRobinProxy {
  port: number;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreams: readonly Upstream[]): Promise<RoundRobinProxy> {
  let next = 0;
  const server: Server = createServer((req, res) => {
    const pinned = req.headers[PIN_HEADER];
    const target = pinned ? upstreams.find((u) => u.name === pinned) : upstreams[next++ % upstreams.length];
    if (!target) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`no upstream named ${String(pinned)}`);
      return;
    }
    const headers = { ...req.headers };
    delete headers[PIN_HEADER];
    // As a real balancer does: pass on the client's address (the test names its own clients).
    headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ?? req.socket.remoteAddress ?? 'unknown';
    const outgoing = request(
      { host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [UPSTREAM_HEADER]: target.name });
        answer.pipe(res);
      },
    );
    outgoing.on('error', (error) => {
      if (res.headersSent) res.destroy(error);
      else res.writeHead(502, { [UPSTREAM_HEADER]: target.name }).end(`upstream failed: ${error.message}`);
    });
    req.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
