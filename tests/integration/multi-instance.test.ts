// Issue #13, "Beyond one machine": two API and two web servers (real processes, the built servers) on one
// PostgreSQL database, behind one round-robin port. Whatever one instance learns — a session, a failed sign-in, a
// disabled account, a demotion, a publish, a revoked token, a token's use — the other acts on at once, through the
// database they share (rate limits, sessions, tokens) and its LISTEN/NOTIFY change feed (the caches in front).
// Runs on PostgreSQL in both CI passes: it makes (and drops) a database of its own, since one embedded PGlite
// cannot be shared between processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, startCluster } from './cluster.ts';
import {
  type Answer,
  dataOf,
  INSTANCES,
  type Instance,
  PASSWORD,
  PortalClient,
  soon,
  uniqueIp,
} from './portal-client.ts';

/** Requests per API token per minute on both APIs: small, so the shared count is quick to reach. */
const TOKEN_LIMIT = 6;
const SCORE_INPUT = { consumer: 'JPN', material: 'Dy', stage: 'separation' };

let cluster: Cluster;
let portal: PortalClient;

beforeAll(async () => {
  cluster = await startCluster({ apiEnv: { API_TOKEN_RATE_LIMIT: String(TOKEN_LIMIT) } });
  portal = new PortalClient(cluster.proxyPort, cluster.origin);
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
}, 30_000);

/** The same request on each instance in turn, each answer checked to come from the one asked. */
async function onEach(send: (on: Instance) => Promise<Answer>): Promise<Record<Instance, Answer>> {
  const answers = {} as Record<Instance, Answer>;
  for (const on of INSTANCES) {
    answers[on] = await send(on);
    expect(answers[on].upstream).toBe(on);
  }
  return answers;
}

const statuses = (answers: Record<Instance, Answer>) => INSTANCES.map((on) => answers[on].status);
const other = (on: string): Instance => (on === 'web-a' ? 'web-b' : 'web-a');

/** A hot read (hot-reads.ts): served from each API's cache once warm, with the session from its session cache. */
const score = (cookie: string, on: Instance) => portal.query('score.explain', SCORE_INPUT, { cookie, on });

async function signedInAdmin(): Promise<{ id: string; cookie: string }> {
  const account = await portal.signUp();
  await cluster.sql.query(`UPDATE "user" SET "role" = 'admin' WHERE "id" = $1`, [account.id]);
  return { id: account.id, cookie: (await portal.signIn(account.email)).cookie };
}

describe('two API and two web instances behind one port, on one PostgreSQL database', () => {
  it('the balancer spreads requests over both; a session made on one works on the other until signed out', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) seen.add((await portal.call('/sign-in')).upstream);
    expect([...seen].sort()).toEqual([...INSTANCES]);

    const { email } = await portal.signUp();
    const { cookie, upstream } = await portal.signIn(email);
    const me = await onEach((on) => portal.query('me.get', undefined, { cookie, on }));
    expect(statuses(me)).toEqual([200, 200]);
    // Twice each: the second answer comes from each API's hot-read cache.
    for (let i = 0; i < 2; i++) expect(statuses(await onEach((on) => score(cookie, on)))).toEqual([200, 200]);

    const out = await portal.call('/api/auth/sign-out', { body: {}, cookie, on: other(upstream) });
    expect(out.status).toBe(200);
    expect((await score(cookie, other(upstream))).status).toBe(401);
    expect(await soon(async () => (await score(cookie, upstream as Instance)).status === 401)).toBe(true);
  });

  it('failed sign-ins for one account count across instances: locked on both', async () => {
    const { email } = await portal.signUp();
    const tried = new Set<string>();
    // Five wrong passwords, each from its own address so only the per-account count can add up.
    for (let i = 0; i < 5; i++) {
      const answer = await portal.signInAnswer(email, 'not the password at all', { ip: uniqueIp() });
      expect(answer.status).toBe(401);
      tried.add(answer.upstream);
    }
    expect(tried.size).toBe(2);
    const locked = await onEach((on) => portal.signInAnswer(email, PASSWORD, { ip: uniqueIp(), on }));
    for (const on of INSTANCES) {
      expect(locked[on].status).toBe(429);
      expect(JSON.parse(locked[on].body)).toMatchObject({ code: 'ACCOUNT_THROTTLED' });
    }
  });

  it("one address's sign-ins count across instances: refused on both past the limit", async () => {
    const ip = uniqueIp();
    const tried = new Set<string>();
    // Five tries at the per-address limit (auth.ts: 5 a minute), each for another e-mail so no account locks.
    for (let i = 0; i < 5; i++) {
      const answer = await portal.signInAnswer(`nobody-${i}-${ip}@test.ree.local`, PASSWORD, { ip });
      expect(answer.status).toBe(401);
      tried.add(answer.upstream);
    }
    expect(tried.size).toBe(2);
    const refused = await onEach((on) =>
      portal.signInAnswer(`late-${on}@test.ree.local`, PASSWORD, { ip, on }),
    );
    for (const on of INSTANCES) {
      expect(refused[on].status).toBe(429);
      expect(JSON.parse(refused[on].body)).toMatchObject({ code: 'RATE_LIMITED' });
    }
  });

  it('disabling an account and demoting an admin apply at once on both, cached sessions and hot reads too', async () => {
    const admin = await signedInAdmin();
    const colleague = await signedInAdmin();
    const analyst = await portal.signUp();
    const { cookie } = await portal.signIn(analyst.email);
    for (let i = 0; i < 2; i++) expect(statuses(await onEach((on) => score(cookie, on)))).toEqual([200, 200]);
    const listUsers = (on: Instance) => portal.query('users.list', {}, { cookie: colleague.cookie, on });
    expect(statuses(await onEach(listUsers))).toEqual([200, 200]);

    const disabled = await portal.mutate(
      'users.setDisabled',
      { id: analyst.id, disabled: true },
      { cookie: admin.cookie },
    );
    expect(disabled.status).toBe(200);
    expect((await score(cookie, disabled.upstream as Instance)).status).toBe(401);
    expect(await soon(async () => (await score(cookie, other(disabled.upstream))).status === 401)).toBe(true);

    const demoted = await portal.mutate(
      'users.setRole',
      { id: colleague.id, role: 'user' },
      { cookie: admin.cookie },
    );
    expect(demoted.status).toBe(200);
    expect((await listUsers(demoted.upstream as Instance)).status).toBe(403);
    expect(await soon(async () => (await listUsers(other(demoted.upstream))).status === 403)).toBe(true);
  });

  it("a publish and a roll-back on one instance change the other's current version at once", async () => {
    const admin = await signedInAdmin();
    const versionOn = async (on: Instance) =>
      dataOf<{ datasetVersion: { id: string } }>(await score(admin.cookie, on)).datasetVersion.id;
    const before = await versionOn('web-a');
    expect(await versionOn('web-b')).toBe(before); // both now hold it in their caches

    const draft = dataOf<{ id: string }>(
      await portal.mutate(
        'datasets.createDraft',
        { label: `Cluster ${Date.now()}`, from: 'current' },
        { cookie: admin.cookie },
      ),
    );
    const published = await portal.mutate(
      'datasets.publish',
      { versionId: draft.id, note: 'cluster test' },
      { cookie: admin.cookie, on: 'web-a' },
    );
    expect(published.status).toBe(200);
    try {
      expect(await versionOn('web-a')).toBe(draft.id);
      expect(await soon(async () => (await versionOn('web-b')) === draft.id)).toBe(true);
    } finally {
      const back = await portal.mutate(
        'datasets.rollback',
        { versionId: before },
        { cookie: admin.cookie, on: 'web-b' },
      );
      expect(back.status).toBe(200);
    }
    expect(await versionOn('web-b')).toBe(before);
    expect(await soon(async () => (await versionOn('web-a')) === before)).toBe(true);
  });

  it('an API token revoked on one instance is refused on the other; its per-minute limit is one count', async () => {
    const account = await portal.signUp();
    const { cookie } = await portal.signIn(account.email);
    const create = async () =>
      dataOf<{ secret: string; token: { id: string } }>(
        await portal.mutate('tokens.create', { name: 'cluster test' }, { cookie }),
      );
    const versions = (bearer: string, on: Instance) => portal.call('/api/v1/versions', { bearer, on });

    const revoked = await create();
    expect(statuses(await onEach((on) => versions(revoked.secret, on)))).toEqual([200, 200]);
    const revoke = await portal.mutate('tokens.revoke', { id: revoked.token.id }, { cookie, on: 'web-a' });
    expect(revoke.status).toBe(200);
    expect(statuses(await onEach((on) => versions(revoked.secret, on)))).toEqual([401, 401]);

    const busy = await create();
    const spread = new Set<string>();
    for (let i = 0; i < TOKEN_LIMIT; i++) {
      const answer = await portal.call('/api/v1/versions', { bearer: busy.secret });
      expect(answer.status).toBe(200);
      spread.add(answer.upstream);
    }
    expect(spread.size).toBe(2);
    expect(statuses(await onEach((on) => versions(busy.secret, on)))).toEqual([429, 429]);
  });
});
