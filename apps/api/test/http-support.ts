// An API server on a random loopback port over a test database, and the requests the HTTP tests make.
import { randomInt, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Auth } from '../src/auth/auth.ts';
import type { Database } from '../src/db/client.ts';
import { createApiServer } from '../src/http/server.ts';
import { silentLog, TEST_ORIGIN, TEST_PASSWORD, testAuth } from './support.ts';

export interface TestServer {
  base: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(
  database: Database,
  auth: Auth = testAuth(database),
): Promise<TestServer> {
  const server = createApiServer({
    db: database.db,
    auth,
    log: silentLog,
    trustedOrigins: [TEST_ORIGIN],
    production: true,
    maxBodyBytes: 10_000,
    maxBatchSize: 3,
    maxImportBytes: 100_000,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    post: (path, body, headers = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, ...headers },
        body: JSON.stringify(body),
      }),
    get: (path, headers = {}) => fetch(`${base}${path}`, { headers }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A made-up client address, so each test has its own rate-limit bucket (trusted because we are on loopback). */
export const clientAddress = () => `203.0.113.${randomInt(1, 254)}`;

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
