// The instance that makes a change hears it before its next request, not only when its own NOTIFY comes back on the
// listening connection (which raced the next request: an admin who had just published was shown the version
// before, tests/integration/multi-instance.test.ts). Here the feed listens somewhere the NOTIFY never reaches (another
// database; another PGlite), so only the local announcement can drop the caches.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChangeEvent, type ChangeFeed, openChangeFeed } from '../src/db/change-feed.ts';
import type { Database } from '../src/db/client.ts';
import { attachCurrentVersionCache } from '../src/queries/current-version.ts';
import { createDraft, publishDraft, rollbackTo } from '../src/queries/dataset-versions.ts';
import { setDisabled, setRole } from '../src/queries/user-admin.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import { signUpAndIn, startTestServer, type TestServer } from './http-support.ts';
import { createTestUser, openTestDatabase } from './support.ts';

const actor = { id: 'test', email: 'test@ree.local', ip: null };

let database: Database;
let elsewhere: PGlite | null = null;
let feed: ChangeFeed;
let detach: () => void;
let server: TestServer;
const heard: ChangeEvent[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  let deaf: Database;
  if (database.kind === 'postgresql' && database.url) {
    const url = new URL(database.url);
    url.pathname = '/postgres';
    deaf = { ...database, url: url.href };
  } else {
    elsewhere = await PGlite.create('memory://');
    deaf = { ...database, pglite: elsewhere };
  }
  feed = await openChangeFeed(deaf);
  feed.subscribe({ event: (e) => heard.push(e), reset: () => {} });
  detach = attachCurrentVersionCache(database.db, feed);
  server = await startTestServer(database, { changeFeed: feed });
}, 60_000);

afterAll(async () => {
  await server?.close();
  detach?.();
  await feed?.close();
  await elsewhere?.close();
  await database?.close();
});

describe('changes made here are heard here at once', () => {
  it('a publish and a roll-back: the next read on this instance is about the new current version', async () => {
    const before = await resolveVersion(database.db); // now cached
    const draft = await createDraft(database.db, actor, { label: `Local ${Date.now()}`, from: 'current' });
    await publishDraft(database.db, actor, { versionId: draft.id, note: 'local announcement test' });
    try {
      expect((await resolveVersion(database.db)).id).toBe(draft.id);
    } finally {
      await rollbackTo(database.db, actor, { versionId: before.id });
    }
    expect((await resolveVersion(database.db)).id).toBe(before.id);
  });

  it("a role change and disabling: this instance's session caches hear of the user at once", async () => {
    await createTestUser(database, 'admin'); // so the one changed is never the last admin
    const user = await createTestUser(database, 'admin');
    heard.length = 0;
    await setRole(database.db, actor, { id: user.id, role: 'user' });
    expect(heard).toEqual([{ kind: 'user', id: user.id }]);
    await setDisabled(database.db, actor, { id: user.id, disabled: true });
    expect(heard).toEqual([
      { kind: 'user', id: user.id },
      { kind: 'user', id: user.id },
    ]);
  });

  it("signing out: this instance's cached session is forgotten before the answer leaves", async () => {
    const score = `/trpc/score.explain?input=${encodeURIComponent(
      JSON.stringify({ json: { consumer: 'JPN', material: 'Dy', stage: 'separation' } }),
    )}`;
    const { cookie } = await signUpAndIn(server);
    expect((await server.get(score, { cookie })).status).toBe(200);
    expect((await server.get(score, { cookie })).status).toBe(200); // the session now comes from the cache
    expect((await server.post('/api/auth/sign-out', {}, { cookie })).status).toBe(200);
    expect((await server.get(score, { cookie })).status).toBe(401);
  });
});
