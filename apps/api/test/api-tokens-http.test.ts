// Personal API tokens over real HTTP: a token reads, a refused one hears why (401), it never writes nor acts as an
// admin, its last use is recorded, and its rate limit is shared by every API instance on the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { createToken } from '../src/queries/api-tokens.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { signUpAndIn, startTestServer, type TestServer } from './http-support.ts';
import { createTestUser, openTestDatabase, TEST_ORIGIN } from './support.ts';

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

async function tokenFor(user: SessionUser, expiresInDays?: number) {
  const actor = { id: user.id, email: user.email, ip: null };
  return createToken(database.db, actor, { name: 'http test', ...(expiresInDays ? { expiresInDays } : {}) });
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const query = (path: string, input: unknown = undefined) =>
  input === undefined
    ? `/trpc/${path}`
    : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

async function errorOf(response: Response) {
  const body = (await response.json()) as {
    error?: { json?: { message?: string; data?: { code?: string } } };
  };
  return { message: body.error?.json?.message ?? '', code: body.error?.json?.data?.code ?? '' };
}

describe('API tokens over HTTP', () => {
  it('reads as its owner', async () => {
    const user = await createTestUser(database, 'user');
    const { secret } = await tokenFor(user);
    const me = await server.get(query('me.get'), bearer(secret));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ result: { data: { json: { email: user.email } } } });
    const data = await server.get(query('production.concentration', {}), bearer(secret));
    expect(data.status).toBe(200);
  });

  it('a revoked token gets 401 saying so — also when a valid session cookie comes with it', async () => {
    const user = await createTestUser(database, 'user');
    const { secret, token } = await tokenFor(user);
    expect((await server.get(query('me.get'), bearer(secret))).status).toBe(200);
    await database.db.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    const refused = await server.get(query('me.get'), bearer(secret));
    expect(refused.status).toBe(401);
    expect(await errorOf(refused)).toEqual({
      code: 'UNAUTHORIZED',
      message: 'This API token has been revoked.',
    });

    const { cookie } = await signUpAndIn(server);
    expect((await server.get(query('me.get'), { cookie })).status).toBe(200);
    expect((await server.get(query('me.get'), { cookie, ...bearer(secret) })).status).toBe(401);
  });

  it("a disabled account's token, an expired one, an unknown one and a malformed header get 401", async () => {
    const user = await createTestUser(database, 'user');
    const { secret } = await tokenFor(user);
    await database.db.user.update({ where: { id: user.id }, data: { disabled: true } });
    const disabled = await server.get(query('me.get'), bearer(secret));
    expect(disabled.status).toBe(401);
    expect((await errorOf(disabled)).message).toMatch(/account .* is disabled/);

    const owner = await createTestUser(database, 'user');
    const expiring = await tokenFor(owner, 1);
    await database.db.apiToken.update({
      where: { id: expiring.token.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect((await errorOf(await server.get(query('me.get'), bearer(expiring.secret)))).message).toMatch(
      /expired/,
    );

    const unknown = `ree_${'A'.repeat(43)}`;
    expect((await errorOf(await server.get(query('me.get'), bearer(unknown)))).message).toMatch(/not known/);
    for (const header of ['Bearer nope', 'Basic dXNlcjpwYXNz', `Bearer ${unknown}x`]) {
      const answer = await server.get(query('me.get'), { authorization: header });
      expect(answer.status).toBe(401);
    }
  });

  it("cannot run a mutation or an admin procedure, even an admin's token", async () => {
    const admin = await createTestUser(database, 'admin');
    const { secret } = await tokenFor(admin);
    const headers = { ...bearer(secret), origin: TEST_ORIGIN };
    const list = await server.get(query('users.list', {}), headers);
    expect(list.status).toBe(403);
    expect((await errorOf(list)).message).toMatch(/never carries admin rights/);
    const audit = await server.get(query('audit.list', {}), headers);
    expect(audit.status).toBe(403);

    const before = await database.db.scenario.count({ where: { ownerId: admin.id } });
    const create = await server.post(
      '/trpc/scenarios.create',
      { json: { name: 'by token', input: { consumer: 'JPN', material: 'NdPr', stage: 'separation' } } },
      headers,
    );
    expect(create.status).toBe(403);
    expect((await errorOf(create)).message).toMatch(/can only read/);
    const mint = await server.post('/trpc/tokens.create', { json: { name: 'another' } }, headers);
    expect(mint.status).toBe(403);
    const others = await server.get(query('tokens.list'), headers);
    expect(others.status).toBe(403);
    expect(await database.db.scenario.count({ where: { ownerId: admin.id } })).toBe(before);
    expect(await database.db.apiToken.count({ where: { userId: admin.id } })).toBe(1);
  });

  it('records when it was last used, at most once a minute', async () => {
    const user = await createTestUser(database, 'user');
    const { secret, token } = await tokenFor(user);
    const lastUsed = async () =>
      (await database.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const before = new Date();
    expect((await server.get(query('me.get'), bearer(secret))).status).toBe(200);
    const first = await lastUsed();
    expect(first?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
    expect((await server.get(query('me.get'), bearer(secret))).status).toBe(200);
    expect(await lastUsed()).toEqual(first);
  });
});

describe('the per-token rate limit', () => {
  it('is shared by two API instances on one database: the 4th request of a limit of 3 gets 429 + Retry-After', async () => {
    const a = await startTestServer(database, { tokenRateLimit: 3 });
    const b = await startTestServer(database, { tokenRateLimit: 3 });
    try {
      const user = await createTestUser(database, 'user');
      const { secret } = await tokenFor(user);
      const other = await tokenFor(user);
      const statuses = [];
      for (const instance of [a, b, a])
        statuses.push((await instance.get(query('me.get'), bearer(secret))).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await b.get(query('me.get'), bearer(secret));
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(60);
      expect((await errorOf(refused)).message).toMatch(/more than 3 requests this minute/);
      expect((await a.get(query('me.get'), bearer(secret))).status).toBe(429);
      // Per token: the same owner's other token has its own count.
      expect((await a.get(query('me.get'), bearer(other.secret))).status).toBe(200);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
