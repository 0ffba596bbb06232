// The API over real HTTP: sessions, CSRF and content-type guards, limits, headers, rate limiting, error hiding.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import {
  clientAddress,
  FROM_WEB_SERVER,
  sessionCookie,
  signUpAndIn,
  startTestServer,
  type TestServer,
} from './http-support.ts';
import { openTestDatabase, TEST_ORIGIN, TEST_PASSWORD } from './support.ts';

let database: Database;
let server: TestServer;
let base: string;

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startTestServer(database);
  base = server.base;
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  server.post(path, body, headers);
const signUp = () => signUpAndIn(server);

const me = (cookie: string) => fetch(`${base}/trpc/me.get`, { headers: { cookie } });

describe('health and headers', () => {
  it('GET /healthz checks the database', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('sends security headers, and no-store on user-specific answers (ASVS 3.4, 14.3.2)', async () => {
    const response = await me('');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('sessions', () => {
  it('sign-in sets an HttpOnly, SameSite=Lax cookie that signs the user in (ASVS 3.3)', async () => {
    const { cookie, setCookie } = await signUp();
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const response = await me(cookie);
    expect(response.status).toBe(200);
  });

  it('each sign-in issues a new token, and sign-out ends it on the server (ASVS 7.2.4, 7.4.1)', async () => {
    const { email } = await signUp();
    const ip = clientAddress();
    const first = sessionCookie(
      await post('/api/auth/sign-in/email', { email, password: TEST_PASSWORD }, { 'x-forwarded-for': ip }),
    );
    const second = sessionCookie(
      await post('/api/auth/sign-in/email', { email, password: TEST_PASSWORD }, { 'x-forwarded-for': ip }),
    );
    expect(first).not.toBe(second);
    const out = await post('/api/auth/sign-out', {}, { cookie: second });
    expect(out.status).toBe(200);
    expect((await me(second)).status).toBe(401);
    expect((await me(first)).status).toBe(200);
  });

  it('disabling an account ends its access on the next request (ASVS 7.4.2)', async () => {
    const { email, cookie } = await signUp();
    await database.db.user.update({ where: { email }, data: { disabled: true } });
    expect((await me(cookie)).status).toBe(401);
    const again = await post(
      '/api/auth/sign-in/email',
      { email, password: TEST_PASSWORD },
      { 'x-forwarded-for': clientAddress() },
    );
    expect(again.status).not.toBe(200);
  });

  it('refuses a common password at sign-up (ASVS 6.2.4)', async () => {
    const response = await post(
      '/api/auth/sign-up/email',
      { email: `weak-${randomUUID()}@test.ree.local`, password: 'password123', name: 'Weak' },
      { 'x-forwarded-for': clientAddress() },
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/too common/);
  });

  it('answers 429 after a few failed sign-ins, also on a path variant (ASVS 6.3.1)', async () => {
    const ip = clientAddress();
    // A fresh e-mail each run: the per-account lock it earns outlives the run on a reused PostgreSQL database.
    const email = `nobody-${randomUUID()}@test.ree.local`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const path = i % 2 ? '/api/auth/sign-in/email' : '/api/auth/sign-in/email?attempt=1';
      statuses.push(
        (await post(path, { email, password: 'wrong-password' }, { 'x-forwarded-for': ip })).status,
      );
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('audit of admin sign-ins (ASVS 16.2.1, 16.2.5)', () => {
  it('records successful and failed admin sign-ins with the address, and no password or token', async () => {
    const { email } = await signUp();
    await database.db.user.update({ where: { email }, data: { role: 'admin' } });
    const ip = clientAddress();
    await post('/api/auth/sign-in/email', { email, password: 'not the password' }, { 'x-forwarded-for': ip });
    await post('/api/auth/sign-in/email', { email, password: TEST_PASSWORD }, { 'x-forwarded-for': ip });
    await new Promise((r) => setTimeout(r, 300)); // the audit write follows the answer
    const events = await database.db.auditEvent.findMany({
      where: { actorEmail: email },
      orderBy: { at: 'asc' },
    });
    expect(events.map((e) => [e.action, e.ip])).toEqual([
      ['auth.sign-in-failed', ip],
      ['auth.sign-in', ip],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/not the password|correct horse|session_token/);
  });
});

describe('forwarded client address (issue #12, finding 6; ASVS 6.3.1, 16.2.1)', () => {
  const signIn = (email: string, password: string, headers: Record<string, string>) =>
    fetch(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, ...headers },
      body: JSON.stringify({ email, password }),
    });

  it('a local process without the proxy secret cannot choose the audited address', async () => {
    const { email } = await signUp();
    await database.db.user.update({ where: { email }, data: { role: 'admin' } });
    await signIn(email, 'not the password', { 'x-forwarded-for': clientAddress() });
    await signIn(email, 'not the password', {
      'x-forwarded-for': clientAddress(),
      'x-ree-proxy-secret': 'guessed',
    });
    await signIn(email, TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.7', ...FROM_WEB_SERVER });
    await new Promise((r) => setTimeout(r, 300)); // the audit write follows the answer
    const events = await database.db.auditEvent.findMany({
      where: { actorEmail: email },
      orderBy: { at: 'asc' },
    });
    // The socket's own address, not the one named: only the web server's is believed.
    expect(events.map((e) => [e.action, e.ip])).toEqual([
      ['auth.sign-in-failed', '127.0.0.1'],
      ['auth.sign-in-failed', '127.0.0.1'],
      ['auth.sign-in', '198.51.100.7'],
    ]);
  });

  it('a local process without the proxy secret cannot escape the sign-in rate limit by naming new addresses', async () => {
    const email = `nobody-${randomUUID()}@test.ree.local`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await signIn(email, 'wrong-password', {
        'x-forwarded-for': clientAddress(),
      });
      statuses.push(response.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('cross-site and malformed requests (ASVS 3.5.1–3.5.3, 5.2.1)', () => {
  it('refuses a mutation from a foreign Origin or with no Origin, and changes nothing', async () => {
    const email = `csrf-${randomUUID()}@test.ree.local`;
    const body = { email, password: TEST_PASSWORD, name: 'CSRF' };
    expect((await post('/api/auth/sign-up/email', body, { origin: 'https://evil.example' })).status).toBe(
      403,
    );
    const noOrigin = await fetch(`${base}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(noOrigin.status).toBe(403);
    expect(await database.db.user.count({ where: { email } })).toBe(0);
  });

  it('refuses form, multipart and text bodies even from our own origin', async () => {
    const { cookie } = await signUp();
    for (const contentType of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
    ]) {
      const response = await fetch(`${base}/api/auth/sign-out`, {
        method: 'POST',
        headers: { 'content-type': contentType, origin: TEST_ORIGIN, cookie },
        body: 'a=b',
      });
      expect(response.status).toBe(415);
    }
    expect((await me(cookie)).status).toBe(200);
  });

  it('refuses a body over the limit before reading it, and a batch over the limit', async () => {
    const big = await post('/trpc/me.get', { padding: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    const { cookie } = await signUp();
    const ok = await fetch(`${base}/trpc/me.get,me.get,me.get?batch=1&input=${encodeURIComponent('{}')}`, {
      headers: { cookie },
    });
    expect(ok.status).toBe(200);
    const tooMany = await fetch(
      `${base}/trpc/me.get,me.get,me.get,me.get?batch=1&input=${encodeURIComponent('{}')}`,
      {
        headers: { cookie },
      },
    );
    expect(tooMany.status).toBe(400);
  });
});

describe('errors (ASVS 16.5.1)', () => {
  it('an internal error says only "internal error" with a request id: no stack, SQL or table names', async () => {
    const { cookie } = await signUp();
    // Break the query underneath the procedure: the dataset table disappears mid-flight (in a transaction we roll back).
    await database.db.$executeRawUnsafe('ALTER TABLE "production_record" RENAME TO "production_record_gone"');
    try {
      const response = await fetch(
        `${base}/trpc/production.concentration?input=${encodeURIComponent('{"json":{}}')}`,
        {
          headers: { cookie },
        },
      );
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(text).toMatch(/internal error \(request id [0-9a-f-]{36}\)/);
      expect(text).not.toMatch(/production_record|SELECT|prisma|stack|at \w+ \(/i);
    } finally {
      await database.db.$executeRawUnsafe(
        'ALTER TABLE "production_record_gone" RENAME TO "production_record"',
      );
    }
  });
});

describe('admin file routes (/files)', () => {
  async function adminCookie() {
    const { email, cookie } = await signUp();
    await database.db.user.update({ where: { email }, data: { role: 'admin' } });
    return cookie;
  }
  const draft = async () =>
    (
      await database.db.datasetVersion.create({
        data: {
          label: `HTTP draft ${randomUUID()}`,
          dataset: { connect: { slug: 'reference' } },
        },
      })
    ).id;
  const upload = (query: string, body: BodyInit, headers: Record<string, string>) =>
    fetch(`${base}/files/import?${query}`, {
      method: 'POST',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/octet-stream', ...headers },
      body,
      // A ReadableStream body is sent chunked, without a Content-Length.
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  const CSV = 'iso3,name,region\nXHT,Httpland,Asia\n';

  it('only admins, only from the portal, only as octet-stream (ASVS 8.2.1, 3.5.1)', async () => {
    const versionId = await draft();
    const query = `versionId=${versionId}&name=countries.csv`;
    expect((await upload(query, CSV, {})).status).toBe(401);
    expect((await upload(query, CSV, { cookie: (await signUp()).cookie })).status).toBe(403);
    const cookie = await adminCookie();
    expect((await upload(query, CSV, { cookie, origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload(query, CSV, { cookie, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await upload('versionId=nope&name=x.csv', CSV, { cookie })).status).toBe(400);
    const ok = await upload(query, CSV, { cookie });
    // Accepted at once: the validation runs as a job (import-jobs.test.ts).
    expect(ok.status).toBe(202);
    expect(await ok.json()).toMatchObject({ jobId: expect.any(String) });
    expect((await fetch(`${base}/files/export/${versionId}`)).status).toBe(401);
  });

  it('refuses uploads over the limit before parsing: declared, or counted as they stream (ASVS 5.2.1)', async () => {
    const versionId = await draft();
    const cookie = await adminCookie();
    const big = `iso3,name,region\n${'XAA,A,Asia\n'.repeat(10_000)}`; // 110 kB > 100 kB limit
    const declared = await upload(`versionId=${versionId}&name=countries.csv`, big, { cookie });
    expect(declared.status).toBe(413);
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.subarray(i, i + 8192));
        controller.close();
      },
    });
    const streamed = await upload(`versionId=${versionId}&name=countries.csv`, stream, { cookie });
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: expect.stringMatching(/larger than the limit/) });
    expect(await database.db.importBatch.count({ where: { versionId } })).toBe(0);
  });

  it('exports a version as a ZIP and the audit log as CSV with formulas defused', async () => {
    const cookie = await adminCookie();
    const versionId = await draft();
    const zip = await fetch(`${base}/files/export/${versionId}`, { headers: { cookie } });
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('content-disposition')).toMatch(/attachment; filename="reference-HTTP-draft-/);
    await database.db.auditEvent.create({
      data: { actorEmail: '=cmd|calc', action: 'test.formula', target: null },
    });
    const csv = await fetch(`${base}/files/audit.csv?action=test.formula`, { headers: { cookie } });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\n')[0]).toBe('at,actor,action,target,target_name,ip,before,after');
    expect(text).toContain(",'=cmd|calc,test.formula,");
    // Targets carry their name beside the id: the draft's label.
    const { label } = await database.db.datasetVersion.findUniqueOrThrow({ where: { id: versionId } });
    await database.db.auditEvent.create({
      data: { actorEmail: 'a@test.ree.local', action: 'test.target-name', target: versionId },
    });
    const named = await fetch(`${base}/files/audit.csv?action=test.target-name`, { headers: { cookie } });
    expect(await named.text()).toContain(`,test.target-name,${versionId},${label},`);
  });
});
