// Failed sign-ins over real HTTP (issue #12, finding 14; ASVS 6.3.1, 16.2.1, 16.3.1): throttled per account, for
// every API instance, even when the guesses come all at once; per address too; the refusals logged and audited.
// Every refusal the web app explains carries a stable `code` it maps to a message in the user's language.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInEvent } from '../src/auth/auth.ts';
import { FREE_FAILURES, reserveSignIn } from '../src/auth/sign-in-throttle.ts';
import type { Database } from '../src/db/client.ts';
import {
  clientAddress,
  sessionCookie,
  signUpAndIn,
  startTestServer,
  type TestServer,
} from './http-support.ts';
import { openTestDatabase, TEST_PASSWORD, testAuth } from './support.ts';

let database: Database;
let server: TestServer;
let second: TestServer;
/** What the second instance's sign-in logging callback was given. */
const signInLog: SignInEvent[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startTestServer(database);
  // Another API instance on the same database, with its own better-auth: what it sees, every instance sees.
  second = await startTestServer(database, { auth: testAuth(database, (event) => signInLog.push(event)) });
});
afterAll(async () => {
  await server?.close();
  await second?.close();
  await database?.close();
});

const fromNewAddress = () => ({ 'x-forwarded-for': clientAddress() });

describe('failed sign-ins are throttled per account, with back-off, on every instance (finding 14)', () => {
  const signIn = (via: TestServer, email: string, password: string) =>
    via.post('/api/auth/sign-in/email', { email, password }, fromNewAddress());

  it('after 5 failures from 5 addresses: 429 with Retry-After, also on another instance; a success resets it', async () => {
    const { email } = await signUpAndIn(server);
    for (let i = 0; i < 5; i++) expect((await signIn(server, email, `wrong password ${i}`)).status).toBe(401);
    for (const via of [server, second]) {
      const locked = await signIn(via, email, TEST_PASSWORD); // even the right password waits
      expect(locked.status).toBe(429);
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(50);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await locked.json()).toMatchObject({
        code: 'ACCOUNT_THROTTLED',
        message: expect.stringMatching(/Too many failed sign-ins/),
      });
    }

    // The minute passes (moved in the database, which every instance reads).
    const key = email.toLowerCase();
    await database.db.signInThrottle.update({ where: { email: key }, data: { lockedUntil: new Date(0) } });
    // One more failure doubles the wait.
    const again = await signIn(second, email, 'wrong once more');
    expect(again.status).toBe(401);
    const doubled = await signIn(server, email, TEST_PASSWORD);
    expect(doubled.status).toBe(429);
    expect(Number(doubled.headers.get('retry-after'))).toBeGreaterThan(110);

    await database.db.signInThrottle.update({ where: { email: key }, data: { lockedUntil: new Date(0) } });
    const ok = await signIn(server, email, TEST_PASSWORD);
    expect(ok.status).toBe(200);
    sessionCookie(ok);
    expect(await database.db.signInThrottle.count({ where: { email: key } })).toBe(0);
  });

  it('20 wrong guesses at once, from 20 addresses over two instances: at most 5 reach the password check', async () => {
    const { email } = await signUpAndIn(server);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(i % 2 ? second : server, email, `wrong guess ${i}`)),
    );
    const statuses = answers.map((a) => a.status);
    // Each try is counted before its password is checked, in one statement: none can slip in between.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect(await refused.json()).toMatchObject({ code: 'ACCOUNT_THROTTLED' });
    }
    const row = await database.db.signInThrottle.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(row.failures).toBe(5);
  });

  it('the reservation itself: of 50 tries at once (over the pool on PostgreSQL), exactly 5 go on', async () => {
    const email = `race-${randomUUID()}@test.ree.local`;
    const waits = await Promise.all(Array.from({ length: 50 }, () => reserveSignIn(database.db, email)));
    expect(waits.filter((w) => w === 0)).toHaveLength(FREE_FAILURES);
    for (const wait of waits.filter((w) => w > 0)) {
      expect(wait).toBeGreaterThan(55_000);
      expect(wait).toBeLessThanOrEqual(60_000);
    }
    const row = await database.db.signInThrottle.findUniqueOrThrow({ where: { email } });
    expect(row.failures).toBe(FREE_FAILURES);
  });

  it('the wait is capped, and an unknown e-mail is throttled like a known one', async () => {
    const email = `nobody-${randomUUID()}@test.ree.local`;
    await database.db.signInThrottle.create({
      data: { email, failures: 40, lastFailureAt: new Date(), lockedUntil: new Date(0) },
    });
    expect((await signIn(server, email, 'still wrong')).status).toBe(401);
    const locked = await signIn(server, email, 'still wrong');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(30 * 60);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(29 * 60);
  });
});

describe('refused sign-ins are logged, and audited for admin accounts (ASVS 16.2.1, 16.3.1)', () => {
  const lockNow = (email: string) =>
    database.db.signInThrottle.create({
      data: {
        email: email.toLowerCase(),
        failures: 5,
        lastFailureAt: new Date(),
        lockedUntil: new Date(Date.now() + 60_000),
      },
    });

  it('a throttled attempt goes to the log as a failed sign-in, and into the audit log for an admin', async () => {
    const admin = await signUpAndIn(server);
    await database.db.user.update({ where: { email: admin.email }, data: { role: 'admin' } });
    const user = await signUpAndIn(server);
    await lockNow(admin.email);
    await lockNow(user.email);
    const address = clientAddress();
    for (const { email } of [admin, user]) {
      const refused = await second.post(
        '/api/auth/sign-in/email',
        { email, password: TEST_PASSWORD },
        { 'x-forwarded-for': address },
      );
      expect(refused.status).toBe(429);
    }

    const logged = signInLog.filter((e) => e.email === admin.email || e.email === user.email);
    expect(logged).toEqual([
      { email: admin.email, ok: false, ip: address, throttled: true },
      { email: user.email, ok: false, ip: address, throttled: true },
    ]);
    const audited = await database.db.auditEvent.findMany({
      where: { actorEmail: { in: [admin.email, user.email] } },
    });
    const adminId = (await database.db.user.findUniqueOrThrow({ where: { email: admin.email } })).id;
    expect(audited.map((e) => [e.action, e.actorEmail, e.actorId, e.target, e.ip])).toEqual([
      ['auth.sign-in-throttled', admin.email, null, adminId, address],
    ]);
    expect(JSON.stringify([logged, audited])).not.toContain(TEST_PASSWORD);
  });
});

describe('the per-address sign-in limit answers with a code and Retry-After (ASVS 6.3.1)', () => {
  it('the sixth sign-in in a minute from one address gets 429 RATE_LIMITED', async () => {
    const address = { 'x-forwarded-for': clientAddress() };
    const body = { email: `nobody-${randomUUID()}@test.ree.local`, password: 'wrong password' };
    for (let i = 0; i < 5; i++) {
      expect((await server.post('/api/auth/sign-in/email', body, address)).status).toBe(401);
    }
    const limited = await server.post('/api/auth/sign-in/email', body, address);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.any(String) });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });
});
