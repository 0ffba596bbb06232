// `pnpm --filter @ree/api bench`: requests per second of the score endpoint (through auth, tRPC, the version
// cache and superjson) beside a bare node:http server answering the same JSON. Loopback only, 5 s each.

import { mkdtemp } from 'node:fs/promises';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.ts';
import { loadEnv } from '../src/env.ts';

const DURATION_MS = 5_000;
const CONCURRENCY = 16;
const ORIGIN = 'http://localhost:3999';

function get(agent: Agent, port: number, pathname: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Closed-loop load: CONCURRENCY clients, each sending the next request when the last answer arrives. */
async function load(port: number, pathname: string, headers: Record<string, string>) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const deadline = performance.now() + DURATION_MS;
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        const status = await get(agent, port, pathname, headers);
        latencies.push(performance.now() - start);
        if (status !== 200) errors++;
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / (DURATION_MS / 1000),
    p50: latencies[Math.floor(latencies.length / 2)] ?? 0,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    errors,
  };
}

async function main() {
  const env = loadEnv({
    ...process.env,
    // The embedded default unless DATABASE_URL points at PostgreSQL (migrated with db:migrate).
    PGLITE_DIR: 'memory://',
    REE_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'ree-bench-')),
    PUBLIC_ORIGIN: ORIGIN,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
  });
  const app = await createApp(env);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const apiPort = (app.server.address() as AddressInfo).port;

  // Sign-up starts no session (its answer must not tell whether the e-mail is registered): sign in after it.
  const account = { email: `bench-${Date.now()}@bench.ree.local`, password: 'a sturdy passphrase' };
  const authPost = (path: string, body: unknown) =>
    fetch(`http://127.0.0.1:${apiPort}/api/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(body),
    });
  await authPost('sign-up/email', { ...account, name: 'Bench' });
  const signIn = await authPost('sign-in/email', account);
  const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const input = encodeURIComponent(
    JSON.stringify({ json: { consumer: 'JPN', material: 'Dy', stage: 'separation' } }),
  );
  const scorePath = `/trpc/score.explain?input=${input}`;
  const body = await (await fetch(`http://127.0.0.1:${apiPort}${scorePath}`, { headers: { cookie } })).text();

  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const barePort = (bare.address() as AddressInfo).port;

  console.log(
    `score answer: ${body.length} bytes; ${CONCURRENCY} keep-alive clients, ${DURATION_MS / 1000} s each, loopback`,
  );
  const baseline = await load(barePort, '/', {});
  console.log(
    `bare node:http, same JSON:  ${baseline.rps.toFixed(0)} req/s (p50 ${baseline.p50.toFixed(2)} ms, p99 ${baseline.p99.toFixed(2)} ms, ${baseline.errors} errors)`,
  );
  const api = await load(apiPort, scorePath, { cookie });
  console.log(
    `API score.explain:          ${api.rps.toFixed(0)} req/s (p50 ${api.p50.toFixed(2)} ms, p99 ${api.p99.toFixed(2)} ms, ${api.errors} errors)`,
  );
  console.log(`ratio API / bare: ${(api.rps / baseline.rps).toFixed(3)}`);

  bare.close();
  app.server.close();
  await app.database.close();
  process.exit(api.errors > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
