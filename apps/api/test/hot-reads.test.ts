// Issue 13, hot reads: answers kept in front of tRPC and sessions kept without a query, on two API instances over
// one database (two connections on PostgreSQL; two Prisma clients on one PGlite), with publish and revocation
// heard by both at once through the change feed.
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChangeFeed, openChangeFeed } from '../src/db/change-feed.ts';
import type { Database } from '../src/db/client.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { HOT_READ_PROCEDURES } from '../src/http/hot-reads.ts';
import { createDraft, publishDraft, rollbackTo } from '../src/queries/dataset-versions.ts';
import { setDisabled, setRole } from '../src/queries/user-admin.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import {
  clientAddress,
  sessionCookie,
  signUpAndIn,
  startTestServer,
  type TestServer,
} from './http-support.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf, TEST_PASSWORD } from './support.ts';

const scoreInput = encodeURIComponent(
  JSON.stringify({ json: { consumer: 'JPN', material: 'Dy', stage: 'separation' } }),
);
const SCORE = `/trpc/score.explain?input=${scoreInput}`;
const actor = { id: 'test', email: 'test@ree.local', ip: null };

/** A second instance's database: its own connection pool (PostgreSQL) or its own client on the one PGlite. */
async function secondDatabase(first: Database): Promise<Database> {
  if (first.kind === 'postgresql') return openTestDatabase();
  const pglite = first.pglite;
  if (!pglite) throw new Error('PGlite database without its instance');
  const adapterFactory = new PrismaPGlite(pglite);
  const db = new PrismaClient({ adapter: adapterFactory });
  return { db, adapterFactory, kind: 'pglite', pglite, close: () => db.$disconnect() };
}

/** Repeats `probe` until it says yes, for at most a second (the NOTIFY's way to the other instance). */
async function within1s(probe: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + 1_000;
  do {
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 20));
  } while (Date.now() < deadline);
  return false;
}

async function signIn(server: TestServer, email: string): Promise<string> {
  const answer = await server.post(
    '/api/auth/sign-in/email',
    { email, password: TEST_PASSWORD },
    { 'x-forwarded-for': clientAddress() },
  );
  return sessionCookie(answer);
}

let dbA: Database;
let dbB: Database;
let feedA: ChangeFeed;
let feedB: ChangeFeed;
let a: TestServer;
let b: TestServer;
let plain: TestServer;

beforeAll(async () => {
  dbA = await openTestDatabase();
  dbB = await secondDatabase(dbA);
  feedA = await openChangeFeed(dbA);
  feedB = await openChangeFeed(dbB);
  a = await startTestServer(dbA, { changeFeed: feedA });
  b = await startTestServer(dbB, { changeFeed: feedB });
  plain = await startTestServer(dbA);
}, 60_000);

afterAll(async () => {
  await Promise.all([a.close(), b.close(), plain.close()]);
  await Promise.all([feedA.close(), feedB.close()]);
  if (dbB !== dbA) await dbB.close();
  await dbA.close();
});

describe('hot reads', () => {
  it('a cached answer is the same bytes as tRPC uncached; ETag answers 304; gzip when asked', async () => {
    const { cookie } = await signUpAndIn(a);
    const uncached = await plain.get(SCORE, { cookie });
    expect(uncached.status).toBe(200);
    expect(uncached.headers.get('etag')).toBeNull();
    const expected = await uncached.text();
    const miss = await a.get(SCORE, { cookie });
    const hit = await a.get(SCORE, { cookie });
    expect(await miss.text()).toBe(expected);
    expect(await hit.text()).toBe(expected);
    const etag = hit.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(hit.headers.get('cache-control')).toBe('private, no-cache');
    expect(hit.headers.get('vary')).toContain('Cookie');
    const again = await a.get(SCORE, { cookie, 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const zipped = await a.get(SCORE, { cookie, 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(await zipped.text()).toBe(expected); // fetch inflates it
  });

  it('anonymous and signed-out requests are never served from the cache', async () => {
    const { cookie } = await signUpAndIn(a);
    expect((await a.get(SCORE, { cookie })).status).toBe(200);
    const anonymous = await a.get(SCORE);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('etag')).toBeNull();
    const signOut = await a.post('/api/auth/sign-out', {}, { cookie });
    expect(signOut.status).toBe(200);
    expect((await a.get(SCORE, { cookie })).status).toBe(401);
    expect((await b.get(SCORE, { cookie })).status).toBe(401);
  });

  it('only published-data reads are listed, each refusing anonymous callers; `me` is never cached', async () => {
    for (const path of HOT_READ_PROCEDURES) expect(path).toMatch(/^(score|production)\./);
    const anonymous = callerFor(dbA, null);
    expect(await outcomeOf(anonymous.score.explain({}))).toBe('UNAUTHORIZED');
    expect(await outcomeOf(anonymous.score.trend({}))).toBe('UNAUTHORIZED');
    expect(await outcomeOf(anonymous.production.concentration({}))).toBe('UNAUTHORIZED');
    expect(await outcomeOf(anonymous.production.supplyRisk({}))).toBe('UNAUTHORIZED');
    const { cookie } = await signUpAndIn(a);
    for (let i = 0; i < 2; i++) {
      const me = await a.get('/trpc/me.get', { cookie });
      expect(me.status).toBe(200);
      expect(me.headers.get('etag')).toBeNull();
      expect(me.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('publish and roll-back: the next read on both instances is about the new current version', async () => {
    const { cookie } = await signUpAndIn(a);
    const versionOf = async (server: TestServer) =>
      (
        (await (await server.get(SCORE, { cookie })).json()) as {
          result: { data: { json: { datasetVersion: { id: string } } } };
        }
      ).result.data.json.datasetVersion.id;
    const before = await resolveVersion(dbA.db);
    expect(await versionOf(a)).toBe(before.id);
    expect(await versionOf(b)).toBe(before.id);
    const draft = await createDraft(dbA.db, actor, { label: `Hot ${Date.now()}`, from: 'current' });
    await publishDraft(dbA.db, actor, { versionId: draft.id, note: 'hot read test' });
    try {
      expect(await versionOf(a)).toBe(draft.id); // the instance that published: at once
      expect(await within1s(async () => (await versionOf(b)) === draft.id)).toBe(true);
    } finally {
      await rollbackTo(dbA.db, actor, { versionId: before.id });
    }
    expect(await within1s(async () => (await versionOf(b)) === before.id)).toBe(true);
    expect(await versionOf(a)).toBe(before.id);
  });

  it('a disabled user is refused at once on both instances, though their session was cached', async () => {
    const user = await createTestUser(dbA, 'user');
    const cookie = await signIn(b, user.email);
    expect((await b.get(SCORE, { cookie })).status).toBe(200);
    expect((await a.get(SCORE, { cookie })).status).toBe(200);
    await setDisabled(dbA.db, actor, { id: user.id, disabled: true });
    expect((await a.get(SCORE, { cookie })).status).toBe(401);
    expect(await within1s(async () => (await b.get(SCORE, { cookie })).status === 401)).toBe(true);
  });

  it('a demoted admin loses admin procedures at once on both instances', async () => {
    await createTestUser(dbA, 'admin'); // so the one demoted is not the last admin
    const admin = await createTestUser(dbA, 'admin');
    const cookie = await signIn(b, admin.email);
    const list = (server: TestServer) =>
      server.get(`/trpc/users.list?input=${encodeURIComponent('{"json":{}}')}`, { cookie });
    expect((await list(b)).status).toBe(200);
    expect((await list(a)).status).toBe(200);
    await setRole(dbA.db, { ...actor, id: `other-${admin.id}` }, { id: admin.id, role: 'user' });
    expect((await list(a)).status).toBe(403);
    expect(await within1s(async () => (await list(b)).status === 403)).toBe(true);
  });
});
