// `pnpm --filter @ree/web start`: the built portal (Next's request handler) behind a plain node:http server whose
// one extra job is to say who the client is: it sets X-Forwarded-For from the socket (src/lib/forwarded-for.ts).
// PORT (default 3000); TRUSTED_PROXIES for reverse proxies in front. Stops cleanly on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import { forwardedFor, trustedProxiesFrom } from './src/lib/forwarded-for.ts';

// Set before Next loads: it reads NODE_ENV as its modules load.
(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
const { default: next } = await import('next');

const port = Number(process.env.PORT ?? 3000);
const trusted = trustedProxiesFrom(process.env.TRUSTED_PROXIES);
const app = next({ dev: false, dir: import.meta.dirname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers['x-forwarded-for'] = forwardedFor(
    req.socket.remoteAddress,
    req.headers['x-forwarded-for'],
    trusted,
  );
  void handle(req, res);
});
server.listen(port, () => console.log(`web listening on http://localhost:${port}`));

function stop() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
