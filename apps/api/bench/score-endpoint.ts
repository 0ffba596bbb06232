// `pnpm --filter @ree/api bench`: requests per second and p99 of hot reads (score.explain and
// production.concentration, signed in, answered by the hot-read cache after the session cache) at 50 keep-alive
// connections, each beside a bare node:http server answering the same bytes (gzip), measured in the same run.
// Loopback only, 5 s each. PGlite by default; PostgreSQL with DATABASE_URL (migrated with db:migrate).

import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createApp } from '../src/app.ts';
import { loadEnv } from '../src/env.ts';

const DURATION_MS = 5_000;
const CONCURRENCY = 50;
const HOT_TARGET = { ratio: 0.25, p99Ms: 10 };
const ORIGIN = 'http://localhost:3999';

/** One GET, its status, headers and body bytes as sent (not inflated). */
function raw(port: number, pathname: string, headers: Record<string, string>) {
  return new Promise<{ status: number; type: string; encoding: string | undefined; body: Buffer }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            encoding: res.headers['content-encoding'],
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Closed-loop load from a worker thread (load-client.mjs): CONCURRENCY clients, after a 1 s warm-up. */
function load(port: number, pathname: string, headers: Record<string, string>): Promise<LoadResult> {
  const worker = new Worker(new URL('./load-client.mjs', import.meta.url), {
    workerData: {
      port,
      path: pathname,
      headers,
      concurrency: CONCURRENCY,
      durationMs: DURATION_MS,
      warmupMs: 1_000,
    },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
  });
}

async function main() {
  const env = loadEnv({
    ...process.env,
    // The embedded default unless DATABASE_URL points at PostgreSQL (migrated with db:migrate).
    PGLITE_DIR: 'memory://',
    REE_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'ree-bench-')),
    PUBLIC_ORIGIN: ORIGIN,
    LOG_LEVEL: 'silent',
    // Production mode on PostgreSQL asks for a real secret: a throwaway one, unless one is given.
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? randomBytes(48).toString('base64'),
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
  const headers = { cookie, 'accept-encoding': 'gzip' };
  const reads = {
    'score.explain': { consumer: 'JPN', material: 'Dy', stage: 'separation' },
    'production.concentration': { material: 'Dy', stage: 'separation' },
  };
  console.log(
    `database: ${app.database.kind}; ${CONCURRENCY} keep-alive clients, ${DURATION_MS / 1000} s each, loopback, gzip`,
  );
  const line = (label: string, r: LoadResult) =>
    `${label.padEnd(40)}${r.rps.toFixed(0).padStart(7)} req/s (p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ${r.errors} errors)`;
  let errors = 0;
  for (const [procedure, input] of Object.entries(reads)) {
    const pathname = `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    // The bytes the API sends for this read (the first call fills the cache): the bare server sends the same.
    const answer = await raw(apiPort, pathname, headers);
    if (answer.status !== 200) throw new Error(`${procedure} answered ${answer.status}`);
    const bare = createServer((_req, res) => {
      res.writeHead(200, {
        'content-type': answer.type,
        ...(answer.encoding ? { 'content-encoding': answer.encoding } : {}),
      });
      res.end(answer.body);
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const barePort = (bare.address() as AddressInfo).port;
    console.log(`${procedure}: ${answer.body.length} bytes (${answer.encoding ?? 'identity'})`);
    const baseline = await load(barePort, '/', {});
    console.log(line('  bare node:http, same bytes:', baseline));
    const api = await load(apiPort, pathname, headers);
    console.log(line(`  API ${procedure} (hot):`, api));
    const ratio = api.rps / baseline.rps;
    const met = ratio >= HOT_TARGET.ratio && api.p99 <= HOT_TARGET.p99Ms;
    console.log(
      `  ratio API / bare: ${ratio.toFixed(3)} (target ≥ ${HOT_TARGET.ratio}, p99 ≤ ${HOT_TARGET.p99Ms} ms: ${met ? 'met' : 'NOT met'})`,
    );
    errors += api.errors;
    bare.close();
  }

  app.server.close();
  await app.changeFeed.close();
  await app.database.close();
  process.exit(errors > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
