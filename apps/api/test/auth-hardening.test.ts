// Issue #12 over real HTTP: findings 5 (a forced password reset really forces one, and blocks everything else),
// 10 (NUL bytes and lone surrogates are a 400, not a database error) and 14 (sign-up does not tell whether an
// e-mail is registered; failed sign-ins: sign-in-throttle.test.ts). Every refusal the web app explains carries a
// stable `code` it maps to a message in the user's language.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password-hash.ts';
import { isUnchangedPassword } from '../src/auth/request-guards.ts';
import type { Database } from '../src/db/client.ts';
import { clientAddress, signUpAndIn, startTestServer, type TestServer } from './http-support.ts';
import { openTestDatabase, TEST_PASSWORD } from './support.ts';

let database: Database;
let server: TestServer;

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startTestServer(database);
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

const fromNewAddress = () => ({ 'x-forwarded-for': clientAddress() });
const me = (cookie: string) => server.get('/trpc/me.get', { cookie });

describe('a forced password reset (finding 5)', () => {
  async function forcedReset() {
    const account = await signUpAndIn(server);
    await database.db.user.update({ where: { email: account.email }, data: { mustChangePassword: true } });
    return account;
  }
  const flag = async (email: string) =>
    (await database.db.user.findUniqueOrThrow({ where: { email } })).mustChangePassword;

  it('is not lifted by "changing" to the same password; a different one lifts it', async () => {
    const { email, cookie } = await forcedReset();
    const same = await server.post(
      '/api/auth/change-password',
      { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      { cookie },
    );
    expect(same.status).toBe(400);
    expect(await same.json()).toMatchObject({
      code: 'PASSWORD_UNCHANGED',
      message: expect.stringMatching(/different from the current one/),
    });
    expect(await flag(email)).toBe(true);

    const changed = await server.post(
      '/api/auth/change-password',
      { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
      { cookie },
    );
    expect(changed.status).toBe(200);
    expect(await flag(email)).toBe(false);
  });

  it('compares the new password with the stored hash, not as a string; a wrong current one learns nothing', async () => {
    const { email, cookie } = await forcedReset();
    const { id } = await database.db.user.findUniqueOrThrow({ where: { email } });
    // A password set before lone surrogates were refused: scrypt read its "\uD800" as U+FFFD.
    const hash = await hashPassword(`${TEST_PASSWORD} \uD800`);
    await database.db.account.updateMany({
      where: { userId: id, providerId: 'credential' },
      data: { password: hash },
    });
    const typed = `${TEST_PASSWORD} \uFFFD`; // how its owner can still type it
    const unchanged = (current: string, candidate: string) =>
      isUnchangedPassword(database.db, id, current, candidate);
    expect(await unchanged(typed, `${TEST_PASSWORD} \uDC00`)).toBe(true); // a different string, the same password
    expect(await unchanged(typed, 'a brand new passphrase')).toBe(false);
    // Without the current password, "unchanged" would confirm a guess at it: better-auth's refusal answers instead.
    expect(await unchanged('not the password at all', typed)).toBe(false);
    const guess = await server.post(
      '/api/auth/change-password',
      { currentPassword: 'not the password at all', newPassword: typed },
      { cookie },
    );
    expect(await guess.json()).toMatchObject({ code: 'INVALID_PASSWORD' });

    const same = await server.post(
      '/api/auth/change-password',
      { currentPassword: typed, newPassword: typed },
      { cookie },
    );
    expect(await same.json()).toMatchObject({ code: 'PASSWORD_UNCHANGED' });
    expect(await flag(email)).toBe(true);
    const changed = await server.post(
      '/api/auth/change-password',
      { currentPassword: typed, newPassword: 'a brand new passphrase' },
      { cookie },
    );
    expect(changed.status).toBe(200);
    expect(await flag(email)).toBe(false);
  });

  it('while it is pending only change-password, sign-out and get-session answer', async () => {
    const { email, cookie } = await forcedReset();
    const refused: Array<[string, unknown]> = [
      ['/api/auth/update-user', { name: 'Renamed while blocked' }],
      ['/api/auth/change-email', { newEmail: `moved-${randomUUID()}@test.ree.local` }],
      ['/api/auth/revoke-other-sessions', {}],
      ['/api/auth/delete-user', { password: TEST_PASSWORD }],
    ];
    for (const [path, body] of refused) {
      const response = await server.post(path, body, { cookie });
      expect([path, response.status]).toEqual([path, 403]);
      expect(await response.json()).toMatchObject({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: expect.stringMatching(/choose a new password/),
      });
    }
    expect((await server.get('/api/auth/list-sessions', { cookie })).status).toBe(403);
    const user = await database.db.user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe('HTTP test');
    expect((await me(cookie)).status).toBe(200); // the portal must still learn that a new password is due
    expect(
      (await server.get('/trpc/production.concentration?input=%7B%22json%22%3A%7B%7D%7D', { cookie })).status,
    ).toBe(403);
    expect((await server.get('/api/auth/get-session', { cookie })).status).toBe(200);
    expect((await server.post('/api/auth/sign-out', {}, { cookie })).status).toBe(200);
  });

  it('a disabled user cannot update their profile with a session they still hold', async () => {
    const { email, cookie } = await signUpAndIn(server);
    await database.db.user.update({ where: { email }, data: { disabled: true } });
    const response = await server.post(
      '/api/auth/update-user',
      { name: 'Renamed while disabled' },
      { cookie },
    );
    expect(response.status).toBe(403);
    expect((await database.db.user.findUniqueOrThrow({ where: { email } })).name).toBe('HTTP test');
  });
});

describe('NUL bytes are refused with 400 before they reach the database (finding 10)', () => {
  it('in better-auth bodies: sign-up name and e-mail, sign-in e-mail, update-user', async () => {
    const email = `nul-${randomUUID()}@test.ree.local`;
    const bodies: Array<[string, unknown]> = [
      ['/api/auth/sign-up/email', { email, password: TEST_PASSWORD, name: 'Nul\u0000Name' }],
      ['/api/auth/sign-up/email', { email: `nul\u0000${email}`, password: TEST_PASSWORD, name: 'x' }],
      ['/api/auth/sign-in/email', { email: `nul\u0000${email}`, password: TEST_PASSWORD }],
    ];
    for (const [path, body] of bodies) {
      const response = await server.post(path, body, fromNewAddress());
      expect([path, response.status]).toEqual([path, 400]);
      expect(JSON.stringify(await response.json())).toMatch(/NUL/);
    }
    expect(await database.db.user.count({ where: { email } })).toBe(0);
    const { cookie } = await signUpAndIn(server);
    const update = await server.post('/api/auth/update-user', { name: 'a\u0000b' }, { cookie });
    expect(update.status).toBe(400);
  });

  it('in tRPC inputs, over HTTP: a search box and an id', async () => {
    const { email, cookie } = await signUpAndIn(server);
    await database.db.user.update({ where: { email }, data: { role: 'admin' } });
    const input = (json: unknown) => encodeURIComponent(JSON.stringify({ json }));
    for (const path of [
      `/trpc/users.list?input=${input({ search: 'adm\u0000in' })}`,
      `/trpc/scenarios.get?input=${input({ id: 'x\u0000y' })}`,
    ]) {
      const response = await server.get(path, { cookie });
      expect([path, response.status]).toEqual([path, 400]);
      expect(await response.text()).toMatch(/NUL/);
    }
    // The admin file routes take their filters from the query string.
    const audit = await server.get('/files/audit.csv?action=user.set%00role', { cookie });
    expect(audit.status).toBe(400);
    expect(await audit.json()).toEqual({ error: expect.stringMatching(/^"action" contains a NUL/) });
  });
});

describe('lone UTF-16 surrogates are refused with 400 wherever a NUL is', () => {
  it('in better-auth bodies, with the code BROKEN_CHARACTER: sign-up name and password, sign-in, update-user', async () => {
    const email = `half-${randomUUID()}@test.ree.local`;
    const bodies: Array<[string, unknown]> = [
      ['/api/auth/sign-up/email', { email, password: TEST_PASSWORD, name: 'Half \uD83E name' }],
      // scrypt reads a lone surrogate as U+FFFD: this password would hash like "…staple \uFFFD".
      ['/api/auth/sign-up/email', { email, password: `${TEST_PASSWORD} \uDC00`, name: 'x' }],
      ['/api/auth/sign-in/email', { email: `half\uD800${email}`, password: TEST_PASSWORD }],
    ];
    for (const [path, body] of bodies) {
      const response = await server.post(path, body, fromNewAddress());
      expect([path, response.status]).toEqual([path, 400]);
      expect(await response.json()).toMatchObject({
        code: 'BROKEN_CHARACTER',
        message: expect.stringMatching(/contains a broken character \(a lone UTF-16 surrogate\)/),
      });
    }
    expect(await database.db.user.count({ where: { email } })).toBe(0);
    const { email: mine, cookie } = await signUpAndIn(server);
    const update = await server.post('/api/auth/update-user', { name: 'a\uD800b' }, { cookie });
    expect(update.status).toBe(400);
    expect((await database.db.user.findUniqueOrThrow({ where: { email: mine } })).name).toBe('HTTP test');
  });

  it('in tRPC inputs over HTTP (a JSON escape in the query string); a NUL keeps its own code', async () => {
    const { cookie } = await signUpAndIn(server);
    // The input is JSON, so a lone surrogate arrives spelled "\ud800" even where the URL itself must be UTF-8.
    const input = encodeURIComponent('{"json":{"id":"x\\ud800y"}}');
    const response = await server.get(`/trpc/scenarios.get?input=${input}`, { cookie });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/"id\\" contains a broken character/);
    const nul = await server.post('/api/auth/update-user', { name: 'a\u0000b' }, { cookie });
    expect(await nul.json()).toMatchObject({ code: 'NUL_BYTE' });
  });
});

describe('sign-up does not tell whether an e-mail is registered (finding 14)', () => {
  const shape = async (response: Response) => {
    const body = (await response.json()) as { token: unknown; user: Record<string, unknown> };
    return {
      status: response.status,
      cookies: response.headers.getSetCookie().length,
      token: body.token,
      keys: Object.keys(body.user).sort(),
      email: body.user.email,
      role: body.user.role,
      mustChangePassword: body.user.mustChangePassword,
    };
  };

  it('an existing e-mail gets the same answer as a new one, and no session', async () => {
    const { email } = await signUpAndIn(server);
    const fresh = `new-${randomUUID()}@test.ree.local`;
    const body = (address: string) => ({
      email: address,
      password: 'another passphrase here',
      name: 'Probe',
    });
    const existing = await shape(await server.post('/api/auth/sign-up/email', body(email), fromNewAddress()));
    const created = await shape(await server.post('/api/auth/sign-up/email', body(fresh), fromNewAddress()));
    expect(existing).toEqual({ ...created, email });
    expect(created).toMatchObject({ status: 200, cookies: 0, token: null });
    // The existing account is untouched: its own password still works, the probe's does not.
    const signIn = (password: string) =>
      server.post('/api/auth/sign-in/email', { email, password }, fromNewAddress());
    expect((await signIn('another passphrase here')).status).toBe(401);
    expect((await signIn(TEST_PASSWORD)).status).toBe(200);
  });
});
