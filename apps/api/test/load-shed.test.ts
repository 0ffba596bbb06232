// Under load the API refuses quickly instead of hanging: 503 + Retry-After past its in-flight or event-loop limit,
// 429 for one client flooding it, and 503 "database busy" when PostgreSQL does not answer in time.
import { randomInt, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type DatabaseLimits, openDatabase } from '../src/db/client.ts';
import { createLoadShedder, type LoadShedder, type LoadShedOptions } from '../src/http/load-shed.ts';
import { FROM_WEB_SERVER, startTestServer } from './http-support.ts';
import { createTestUser, openTestDatabase, TEST_ORIGIN, TEST_PASSWORD, testAuth } from './support.ts';

let database: Database;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await database?.close();
});

/** An API server on a free port with the given shedding limits (and, optionally, its own database). */
async function startApi(limits: Partial<LoadShedOptions>, db: Database = database) {
  const loadShedder: LoadShedder = createLoadShedder({
    maxInflight: 1000,
    maxInflightPerClient: 1000,
    maxEventLoopDelayMs: 60_000,
    ...limits,
  });
  const server = await startTestServer(db, { auth: testAuth(db), loadShedder });
  cleanups.push(() => server.close());
  cleanups.push(() => loadShedder.close());
  return { base: server.base, loadShedder };
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const clientAddress = () => `198.51.100.${randomInt(1, 254)}`;

/** A sign-in: slow on purpose (scrypt at N=2^17, hundreds of ms), so several overlap. */
async function signIn(base: string, email: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: TEST_ORIGIN,
      'x-forwarded-for': clientAddress(),
      ...FROM_WEB_SERVER,
      ...headers,
    },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  const ms = performance.now() - started;
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ms, response };
}

function count(statuses: number[], status: number): number {
  return statuses.filter((s) => s === status).length;
}

describe('load shedding (API_MAX_INFLIGHT, API_MAX_INFLIGHT_PER_CLIENT)', () => {
  it('past the in-flight limit the excess get 503 with Retry-After within a second, never queued', async () => {
    const { base, loadShedder } = await startApi({ maxInflight: 2 });
    const user = await createTestUser(database, 'user');
    const answers = await Promise.all(Array.from({ length: 8 }, () => signIn(base, user.email)));
    const statuses = answers.map((a) => a.status);
    expect(count(statuses, 200)).toBe(2);
    expect(count(statuses, 503)).toBe(6);
    for (const refused of answers.filter((a) => a.status === 503)) {
      expect(refused.retryAfter).toBe('1');
      expect(refused.ms).toBeLessThan(1000);
      expect((await refused.response.json()).error).toMatch(/busy/);
    }
    // Places are given back when answers end: the API takes work again.
    expect(loadShedder.state().inflight).toBe(0);
    expect((await signIn(base, user.email)).status).toBe(200);
  });

  it('on /trpc the refusal is a tRPC error (SERVICE_UNAVAILABLE) the portal can read, with Retry-After', async () => {
    const { base } = await startApi({ maxInflight: 1 });
    const user = await createTestUser(database, 'user');
    const holding = signIn(base, user.email);
    await new Promise((r) => setTimeout(r, 50));
    const response = await fetch(`${base}/trpc/me.get`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    const body = await response.json();
    expect(body.error.json.data.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.error.json.message).toMatch(/busy/);
    expect((await holding).status).toBe(200);
  });

  it('one client past its own limit gets 429 with Retry-After; others are still served', async () => {
    const { base } = await startApi({ maxInflight: 100, maxInflightPerClient: 2 });
    const user = await createTestUser(database, 'user');
    const ip = clientAddress();
    const flood = Promise.all(
      Array.from({ length: 5 }, () => signIn(base, user.email, { 'x-forwarded-for': ip })),
    );
    const other = signIn(base, user.email);
    const answers = await flood;
    const statuses = answers.map((a) => a.status);
    expect(count(statuses, 200)).toBe(2);
    expect(count(statuses, 429)).toBe(3);
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect(refused.retryAfter).toBe('1');
      expect(refused.ms).toBeLessThan(1000);
      expect((await refused.response.json()).error).toMatch(/Too many requests at once/);
    }
    expect((await other).status).toBe(200);
  });

  it('signed-out requests that name no client (the web server rendering pages) share no per-client limit', async () => {
    const { base, loadShedder } = await startApi({ maxInflight: 100, maxInflightPerClient: 1 });
    // One such request held in flight: its body is still arriving. A tRPC mutation, which reads its body before
    // anything can answer it (a sign-in could be answered at once by the per-address rate limit, which on PostgreSQL
    // other test files may have filled for loopback, and then nothing would be held).
    const held = request(`${base}/trpc/datasets.createDraft`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, 'content-length': '100' },
    });
    let heldAnswered: number | undefined;
    held.on('response', (response) => {
      heldAnswered = response.statusCode;
    });
    held.on('error', () => {});
    held.write('{"label":');
    await until(() => {
      if (heldAnswered !== undefined) throw new Error(`the held request was answered (${heldAnswered})`);
      return loadShedder.state().inflight === 1;
    }, 10_000);

    const another = await fetch(`${base}/trpc/me.get`);
    held.destroy();
    expect(another.status).toBe(401); // signed out, and not 429
  });

  it('a signed-in client is counted by its session, whatever address it comes from', async () => {
    const { base } = await startApi({ maxInflight: 100, maxInflightPerClient: 2 });
    const user = await createTestUser(database, 'user');
    const cookie = `better-auth.session_token=${randomUUID()}.sig`;
    const answers = await Promise.all(Array.from({ length: 5 }, () => signIn(base, user.email, { cookie })));
    expect(
      count(
        answers.map((a) => a.status),
        429,
      ),
    ).toBe(3);
  });
});

describe('event-loop delay (API_MAX_EVENT_LOOP_DELAY_MS)', () => {
  it('while the event loop lags, new requests are refused; once it recovers they are admitted', async () => {
    const shedder = createLoadShedder({
      maxInflight: 1000,
      maxInflightPerClient: 1000,
      maxEventLoopDelayMs: 50,
      minInflightToShedOnLag: 1,
    });
    cleanups.push(() => shedder.close());
    await until(() => !shedder.state().lagging, 5000);
    expect(shedder.admit('a').admitted).toBe(true);

    // A saturated event loop: synchronous work 100 ms at a time, so every timer fires about 100 ms late.
    const busyFor = (ms: number) => {
      const end = Date.now() + ms;
      while (Date.now() < end);
    };
    let refusal: ReturnType<LoadShedder['admit']> | null = null;
    for (let chunk = 0; chunk < 15 && !refusal; chunk++) {
      busyFor(100);
      await new Promise((r) => setImmediate(r));
      if (chunk >= 5) {
        const admission = shedder.admit('b');
        if (!admission.admitted) refusal = admission;
      }
    }
    expect(refusal).toMatchObject({ admitted: false, status: 503 });
    await until(() => !shedder.state().lagging, 5000);
    expect(shedder.admit('c').admitted).toBe(true);
  });

  it('a lagging loop with fewer requests in flight than the minimum still admits (a slow machine, not overload)', async () => {
    // Seen in CI: on a busy 2-core machine one visitor's dashboard got 503 because the loop ran late.
    const shedder = createLoadShedder({
      maxInflight: 1000,
      maxInflightPerClient: 1000,
      maxEventLoopDelayMs: 50,
      minInflightToShedOnLag: 3,
    });
    cleanups.push(() => shedder.close());
    const first = shedder.admit('a');
    // Saturate the loop 100 ms at a time until the shedder sees the lag, as in the test above.
    for (let chunk = 0; chunk < 30 && !shedder.state().lagging; chunk++) {
      const end = Date.now() + 100;
      while (Date.now() < end);
      await new Promise((r) => setImmediate(r));
    }
    expect(shedder.state().lagging).toBe(true);
    expect(shedder.admit('b').admitted).toBe(true); // 1 in flight before it: below 3
    expect(shedder.admit('c').admitted).toBe(true); // 2 before it
    expect(shedder.admit('d')).toMatchObject({ admitted: false, status: 503 }); // 3: now lag sheds
    if (first.admitted) first.release();
  });
});

// PGlite is one in-process connection that cannot cancel a statement, so the database time-outs exist on
// PostgreSQL only; there they are proved against a real server (CI's second pass, with DATABASE_URL). Registered
// only there, so the PGlite pass reports no skipped test.
const postgresOnly = process.env.DATABASE_URL ? describe : () => undefined;
postgresOnly('database time-outs (PostgreSQL)', () => {
  async function openWithLimits(limits: DatabaseLimits): Promise<Database> {
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, limits });
    cleanups.push(() => db.close());
    return db;
  }

  async function sessionCookieFor(base: string, email: string): Promise<string> {
    const { response } = await signIn(base, email);
    const cookie = response.headers.getSetCookie().find((c) => c.includes('session_token='));
    if (!cookie) throw new Error(`no session cookie (status ${response.status})`);
    return cookie.split(';')[0] ?? '';
  }

  /** Holds a transaction open on `db` (locking the session table if asked) until `release` is called. */
  function holdTransaction(db: Database, { lockSessions = false } = {}) {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = () => {};
    const ready = new Promise<void>((resolve) => {
      started = resolve;
    });
    const done = db.db.$transaction(
      async (tx) => {
        if (lockSessions) await tx.$executeRaw`LOCK TABLE "session" IN ACCESS EXCLUSIVE MODE`;
        started();
        await held;
      },
      { timeout: 20_000 },
    );
    return {
      ready,
      release: async () => {
        release();
        await done;
      },
    };
  }

  it('a statement past DB_STATEMENT_TIMEOUT_MS is cancelled: 503 "database busy" with Retry-After', async () => {
    const db = await openWithLimits({ statementTimeoutMs: 300, acquireTimeoutMs: 5_000, poolSize: 4 });
    const { base } = await startApi({}, db);
    const user = await createTestUser(database, 'user');
    const cookie = await sessionCookieFor(base, user.email);

    // Another connection locks the session table, so reading the session waits on the lock past the time-out.
    const lock = holdTransaction(database, { lockSessions: true });
    await lock.ready;
    const started = performance.now();
    const response = await fetch(`${base}/trpc/me.get`, { headers: { cookie } });
    const ms = performance.now() - started;
    await lock.release();

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.text()).toContain('The database is busy');
    expect(ms).toBeLessThan(2000);
  });

  it('no free connection within DB_ACQUIRE_TIMEOUT_MS: 503 "database busy" instead of waiting', async () => {
    const db = await openWithLimits({ statementTimeoutMs: 10_000, acquireTimeoutMs: 300, poolSize: 1 });
    const { base } = await startApi({}, db);
    const user = await createTestUser(database, 'user');
    const cookie = await sessionCookieFor(base, user.email);

    const hold = holdTransaction(db); // the pool's only connection, busy
    await hold.ready;
    const started = performance.now();
    const response = await fetch(`${base}/trpc/me.get`, { headers: { cookie } });
    const ms = performance.now() - started;
    await hold.release();

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.text()).toContain('The database is busy');
    expect(ms).toBeLessThan(2000);
  });
});
