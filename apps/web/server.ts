// `pnpm --filter @ree/web start`: the built portal (Next's request handler) behind a plain node:http server
// (src/lib/web-server.ts) that sheds load past WEB_MAX_CONCURRENT and tells the API who the client is
// (X-Forwarded-For from the socket, with the proxy secret the API believes it by). PORT (default 3000);
// TRUSTED_PROXIES for reverse proxies in front. Stops cleanly on SIGTERM/SIGINT.
import path from 'node:path';
import { watchEventLoopLag } from './src/lib/event-loop-lag.ts';
import { trustedProxiesFrom } from './src/lib/forwarded-for.ts';
import { fullGarbageCollection, idleCollector, reportedCollection } from './src/lib/idle-gc.ts';
import { proxySecretSource } from './src/lib/proxy-secret.ts';
import { createWebServer } from './src/lib/web-server.ts';

// Set before Next loads: it reads NODE_ENV as its modules load.
(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
const { default: next } = await import('next');
const { serverEnv } = await import('./src/env.ts');

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, dir: import.meta.dirname, port });
const handle = app.getRequestHandler();
await app.prepare();

const dataDir = serverEnv.REE_DATA_DIR ?? path.resolve(import.meta.dirname, '../../.data');
const proxySecret = proxySecretSource(serverEnv.PROXY_SECRET, dataDir);
if (!proxySecret()) {
  console.warn(
    `No proxy secret yet (PROXY_SECRET, or ${dataDir}/proxy-secret written by the API): until there is one, ` +
      'the API sees every visitor as this server, so sign-in rate limits are shared.',
  );
}
const server = createWebServer({
  handle: (req, res) => handle(req, res),
  trustedProxies: trustedProxiesFrom(process.env.TRUSTED_PROXIES),
  proxySecret,
  maxConcurrent: serverEnv.WEB_MAX_CONCURRENT,
  eventLoopLag: { ms: watchEventLoopLag().ms, maxMs: serverEnv.WEB_MAX_EVENT_LOOP_LAG_MS },
  idle: idleCollector({
    quietMs: serverEnv.WEB_IDLE_GC_MS,
    collect: reportedCollection(fullGarbageCollection(), (line) => console.log(line)),
  }),
  onError: (error) => console.error('request failed', error),
});
server.listen(port, () => console.log(`web listening on http://localhost:${port}`));

function stop() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
