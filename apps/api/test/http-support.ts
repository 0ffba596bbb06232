// An API server on a random loopback port over a test database, and the requests the HTTP tests make.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../src/db/client.ts';
import { type ApiServerOptions, createApiServer } from '../src/http/server.ts';
import { silentLog, TEST_ORIGIN, TEST_PASSWORD, testAuth } from './support.ts';

export interface TestServer {
  base: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** The secret the test server shares with its "web server"; only requests carrying it have X-Forwarded-For believed. */
export const PROXY_SECRET = randomBytes(32).toString('base64url');
/** Headers that prove a request comes from the web server. `post` sends them unless a test overrides them. */
export const FROM_WEB_SERVER = { 'x-ree-proxy-secret': PROXY_SECRET };

/** Options of the test server beyond the database; by default small limits and a fresh better-auth. */
export type TestServerOptions = Partial<Omit<ApiServerOptions, 'db' | 'log'>>;

export async function startTestServer(
  database: Database,
  options: TestServerOptions = {},
): Promise<TestServer> {
  // A spool folder of its own (the API's is in its data directory, which these servers do not have).
  const spoolDir = mkdtempSync(path.join(tmpdir(), 'ree-test-spool-'));
  const server = createApiServer({
    auth: testAuth(database),
    trustedOrigins: [TEST_ORIGIN],
    production: true,
    maxBodyBytes: 10_000,
    maxBatchSize: 3,
    maxImportBytes: 100_000,
    proxySecret: PROXY_SECRET,
    spoolDir,
    ...options,
    db: database.db,
    log: silentLog,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    post: (path, body, headers = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, ...FROM_WEB_SERVER, ...headers },
        body: JSON.stringify(body),
      }),
    get: (path, headers = {}) => fetch(`${base}${path}`, { headers }),
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          rmSync(spoolDir, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}

/**
 * A made-up client address, so each test has its own rate-limit bucket (believed: `post` sends the proxy secret).
 * Drawn from the 131,072 of 198.18.0.0/15 (RFC 2544): among TEST-NET-3's 254, two tests of one file shared a
 * bucket often enough that a "429 after 5 tries" came a try early.
 */
export const clientAddress = () => `198.${randomInt(18, 20)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

export function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.includes('session_token='));
  if (!cookie) throw new Error(`no session cookie (status ${response.status})`);
  return cookie.split(';')[0] ?? '';
}

/** Signs up a new account, then signs in (sign-up itself never starts a session). */
export async function signUpAndIn(server: TestServer, password = TEST_PASSWORD) {
  const email = `http-${randomUUID()}@test.ree.local`;
  const ip = { 'x-forwarded-for': clientAddress() };
  const up = await server.post('/api/auth/sign-up/email', { email, password, name: 'HTTP test' }, ip);
  if (up.status !== 200) throw new Error(`sign-up failed: ${up.status} ${await up.text()}`);
  const signIn = await server.post('/api/auth/sign-in/email', { email, password }, ip);
  return { email, cookie: sessionCookie(signIn), setCookie: signIn.headers.getSetCookie().join('\n') };
}
