// Graceful shutdown: SIGTERM lets in-flight requests (simulations too) finish, refuses new connections, stops the
// simulation workers and exits within 10 s.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { worstCaseScenario } from './fixtures/worst-case-scenario.ts';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = 4300 + Math.floor(Math.random() * 500);
const origin = 'http://localhost:3999';
let server: ChildProcess | undefined;
// The server believes our X-Forwarded-For with this secret, so each sign-in here has an address of its own: on
// PostgreSQL the database (and its per-address sign-in limits) is shared with every earlier test file.
const proxySecret = randomBytes(32).toString('base64url');
const asClient = () => ({
  'x-ree-proxy-secret': proxySecret,
  'x-forwarded-for': `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`,
});

afterAll(() => {
  server?.kill('SIGKILL');
});

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy at ${url}`);
}

/** Starts `node --import tsx src/server.ts` (as `pnpm start` does) on a fresh data directory. */
async function startServer(seed: boolean): Promise<ChildProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ree-shutdown-'));
  return spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiRoot,
    env: {
      ...process.env,
      API_PORT: String(port),
      REE_DATA_DIR: dataDir,
      PUBLIC_ORIGIN: origin,
      PROXY_SECRET: proxySecret,
      LOG_LEVEL: 'silent',
      // PostgreSQL runs share a database: seed only when the test needs the reference data (seeding is
      // idempotent); demo accounts are made on PGlite only.
      SEED_ON_START: String(seed),
    },
    stdio: 'ignore',
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; at: number }> {
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, at: Date.now() })));
}

describe('graceful shutdown', () => {
  it('finishes the in-flight request, refuses new ones and exits 0 within 10 s of SIGTERM', async () => {
    server = await startServer(false);
    const exited = exitOf(server);
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(`${base}/healthz`, 60_000);

    // Sign-up hashes with scrypt (hundreds of ms): long enough to be in flight when the signal arrives.
    const inFlight = fetch(`${base}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...asClient() },
      body: JSON.stringify({
        email: `shutdown-${Date.now()}@test.ree.local`,
        password: 'a sturdy passphrase',
        name: 'S',
      }),
    });
    await new Promise((r) => setTimeout(r, 60));
    const signalled = Date.now();
    server.kill('SIGTERM');

    const response = await inFlight;
    expect(response.status).toBe(200);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    const { code, at } = await exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
  }, 90_000);

  it('a simulation in flight at SIGTERM finishes in its worker thread, then the server exits 0', async () => {
    server?.kill('SIGKILL');
    server = await startServer(true);
    const exited = exitOf(server);
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(`${base}/healthz`, 60_000);
    // Sign-up never starts a session (it would tell a registered e-mail from a new one): sign in after it.
    const account = { email: `sim-${Date.now()}@test.ree.local`, password: 'a sturdy passphrase' };
    const postAuth = (path: string, body: object) =>
      fetch(`${base}/api/auth/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, ...asClient() },
        body: JSON.stringify(body),
      });
    await postAuth('sign-up/email', { ...account, name: 'S' });
    const signIn = await postAuth('sign-in/email', account);
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    expect(cookie).toMatch(/session_token=/);
    // The largest scenario's shape with fewer samples: long enough to be running at the signal, well within 10 s.
    const input = worstCaseScenario({ samples: 2_000, seed: 1 });
    const inFlight = fetch(`${base}/trpc/scenarios.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie },
      body: JSON.stringify({ json: { name: 'at shutdown', input } }),
    });
    await new Promise((r) => setTimeout(r, 100));
    const signalled = Date.now();
    server.kill('SIGTERM');

    const response = await inFlight;
    expect(response.status).toBe(200);
    const { code, at } = await exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
  }, 120_000);
});
