// Issue 15, read API: /api/v1/* over real HTTP — the same numbers as the tRPC procedures, 401 for anonymous
// callers, problem documents for bad parameters and unknown or draft versions, ETag/304, cursor paging, asOf.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { REST_ROUTES } from '../src/http/rest/routes.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { signUpAndIn, startTestServer, type TestServer } from './http-support.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

let database: Database;
let server: TestServer;
let admin: SessionUser;
let cookie: string;
let originalCurrent: string;

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startTestServer(database);
  admin = await createTestUser(database, 'admin');
  originalCurrent = (await resolveVersion(database.db)).id;
  ({ cookie } = await signUpAndIn(server));
});
afterAll(async () => {
  if (database) await callerFor(database, admin).datasets.rollback({ versionId: originalCurrent });
  await server?.close();
  await database?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => server.get(path, { cookie, ...headers });
/** What a procedure's answer looks like once it has gone through JSON (Dates as ISO strings). */
const wire = (value: unknown) => JSON.parse(JSON.stringify(value));
const asUser = () => callerFor(database, { ...admin, role: 'user' });

describe('authentication', () => {
  it('refuses every route to an anonymous caller with a 401 problem and WWW-Authenticate (ASVS 8.2.1)', async () => {
    for (const route of REST_ROUTES) {
      const response = await server.get(route.path);
      expect(response.status, route.path).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = await response.json();
      expect(body).toMatchObject({ status: 401, title: 'Authentication required' });
      expect(body).not.toHaveProperty('data');
    }
  });

  it('a forged or stale session cookie is anonymous too', async () => {
    const response = await server.get('/api/v1/concentration', {
      cookie: 'better-auth.session_token=forged.value',
    });
    expect(response.status).toBe(401);
  });

  it('serves the OpenAPI document to anyone: it holds no data', async () => {
    const response = await server.get('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect((await response.json()).openapi).toBe('3.1.0');
  });

  it('only reads: POST is 405 with Allow', async () => {
    const response = await server.post('/api/v1/concentration', {}, { cookie });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the same answers as the tRPC procedures', () => {
  it('concentration, trade, scores, supply risk', async () => {
    const caller = asUser();
    const cases: [string, Promise<unknown>][] = [
      [
        '/api/v1/concentration?material=REE&stage=mining&year=2024',
        caller.production.concentration({ material: 'REE', stage: 'mining', year: 2024 }),
      ],
      [
        '/api/v1/concentration?material=Dy&stage=separation&projection=false',
        caller.production.concentration({ material: 'Dy', stage: 'separation', projection: false }),
      ],
      [
        '/api/v1/trade?importer=JPN&material=REE',
        caller.supply.importSources({ importer: 'JPN', material: 'REE' }),
      ],
      [
        '/api/v1/scores/explain?consumer=JPN&material=Dy&stage=separation&year=2024',
        caller.score.explain({ consumer: 'JPN', material: 'Dy', stage: 'separation', year: 2024 }),
      ],
      [
        '/api/v1/scores/trend?consumer=JPN&material=NdPr',
        caller.score.trend({ consumer: 'JPN', material: 'NdPr' }),
      ],
      [
        '/api/v1/supply-risk?material=Dy&year=2023',
        caller.production.supplyRisk({ material: 'Dy', year: 2023 }),
      ],
      ['/api/v1/demand?material=REE', caller.reference.demand({ material: 'REE' })],
    ];
    for (const [path, expected] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(await response.json(), path).toEqual(wire(await expected));
    }
    const shares = await (await get('/api/v1/concentration?material=REE&stage=mining&year=2024')).json();
    expect(shares.rows.find((r: { country: string }) => r.country === 'CHN').share).toBeGreaterThan(0.5);
  });

  it('lists: facilities, policies, timeline, versions, countries, sources', async () => {
    const caller = asUser();
    const facilities = await caller.supply.facilities({ country: 'JPN', pageSize: 100 });
    const policies = await caller.supply.timeline({ types: ['policy'], pageSize: 100 });
    const timeline = await caller.supply.timeline({ types: ['investment', 'partnership'], pageSize: 100 });
    const versions = await caller.reference.versions();
    const cases: [string, unknown[]][] = [
      ['/api/v1/facilities?country=JPN', facilities.items],
      ['/api/v1/policies', policies.items],
      ['/api/v1/timeline?types=investment&types=partnership', timeline.items],
      ['/api/v1/versions', versions],
      ['/api/v1/countries', (await caller.reference.countries({})).items],
    ];
    for (const [path, items] of cases) {
      const body = await (await get(path)).json();
      expect(body.data, path).toEqual(wire(items));
      expect(body.nextCursor, path).toBeNull();
    }
    const page = await (await get('/api/v1/facilities?country=JPN')).json();
    expect(page.datasetVersion).toEqual(facilities.datasetVersion);
    expect(page.sources.map((s: { id: string }) => s.id).sort()).toEqual(
      facilities.sources.map((s) => s.id).sort(),
    );
  });
});

describe('bad parameters', () => {
  const fields = async (path: string) => {
    const response = await get(path);
    expect(response.status, path).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = await response.json();
    expect(body).toMatchObject({ status: 400, title: 'Invalid parameters' });
    return body.errors.map((e: { name: string }) => e.name);
  };

  it('names the field: not a number, out of range, unknown value, unknown parameter, repeated', async () => {
    expect(await fields('/api/v1/concentration?year=20x4')).toEqual(['year']);
    expect(await fields('/api/v1/concentration?year=1800')).toEqual(['year']);
    expect(await fields('/api/v1/concentration?material=Unobtainium')).toEqual(['material']);
    expect(await fields('/api/v1/concentration?colour=red')).toEqual(['colour']);
    expect(await fields('/api/v1/concentration?year=2024&year=2023')).toEqual(['year']);
    expect(await fields('/api/v1/concentration?asOf=not-a-uuid')).toEqual(['asOf']);
    expect(await fields('/api/v1/facilities?limit=1001')).toEqual(['limit']);
    expect(await fields('/api/v1/facilities?limit=0')).toEqual(['limit']);
    expect(await fields('/api/v1/facilities?cursor=abc')).toEqual(['cursor']);
    expect(await fields('/api/v1/trade')).toEqual(['importer']);
  });

  it('a rule across fields, checked by the procedure, is a field error too', async () => {
    expect(await fields('/api/v1/timeline?yearFrom=2020&yearTo=2010')).toEqual(['yearFrom']);
    expect(await fields('/api/v1/supply-risk?year=2023&date=2024-01-01')).toEqual(['date']);
  });

  it('a cursor cannot be reused with other filters', async () => {
    const first = await (await get('/api/v1/facilities?limit=2')).json();
    expect(await fields(`/api/v1/facilities?limit=2&country=CHN&cursor=${first.nextCursor}`)).toEqual([
      'cursor',
    ]);
  });
});

describe('versions: asOf and 404', () => {
  it('an unknown version or a draft is 404, never the draft’s rows', async () => {
    const unknown = await get('/api/v1/concentration?asOf=00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ status: 404, title: 'Not found' });
    const draft = await callerFor(database, admin).datasets.createDraft({
      label: `REST draft ${Date.now()}`,
    });
    for (const path of ['/api/v1/concentration', '/api/v1/facilities', '/api/v1/scores/explain']) {
      const response = await get(`${path}?asOf=${draft.id}`);
      expect(response.status, path).toBe(404);
    }
    await callerFor(database, admin).datasets.deleteDraft({ versionId: draft.id });
  });

  it('asOf an older published version gives its figures; without asOf, the current one', async () => {
    const caller = callerFor(database, admin);
    const draft = await caller.datasets.createDraft({ label: `REST revised ${Date.now()}` });
    const page = await caller.datasets.records({
      versionId: draft.id,
      entity: 'production',
      search: 'CHN mining REE 2025 t REO false usgs-mcs-2026',
    });
    const item = page.items.find((i) => i.key.country === 'CHN' && i.key.year === 2025);
    if (!item) throw new Error('CHN 2025 row not found');
    await caller.datasets.updateRecord({
      versionId: draft.id,
      entity: 'production',
      key: item.key,
      rowVersion: item.rowVersion,
      values: { ...item.values, quantity: 280_000 } as never,
    });
    await caller.datasets.publish({ versionId: draft.id, note: 'REST test: China 2025 revised' });

    const path = '/api/v1/concentration?material=REE&stage=mining&year=2025';
    const china = (body: { rows: { country: string; value: number }[] }) =>
      body.rows.find((r) => r.country === 'CHN')?.value;
    const now = await (await get(path)).json();
    const old = await (await get(`${path}&asOf=${originalCurrent}`)).json();
    expect(now.datasetVersion.id).toBe(draft.id);
    expect(china(now)).toBe(280_000);
    expect(old.datasetVersion.id).toBe(originalCurrent);
    expect(china(old)).toBe(
      china(
        wire(
          await asUser().production.concentration({
            material: 'REE',
            stage: 'mining',
            year: 2025,
            asOf: originalCurrent,
          }),
        ),
      ),
    );
    expect(china(old)).not.toBe(280_000);
    const versions = await (await get('/api/v1/versions')).json();
    expect(versions.datasetVersion.id).toBe(draft.id);
    expect(versions.data.map((v: { id: string }) => v.id)).toContain(originalCurrent);
    await caller.datasets.rollback({ versionId: originalCurrent });
  });
});

describe('caching and paging', () => {
  it('answers carry a strong ETag; If-None-Match with it gives 304 and no body', async () => {
    const path = '/api/v1/scores/explain?consumer=JPN&material=NdPr';
    const first = await get(path);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.headers.get('vary')).toBe('Authorization, Cookie');
    const again = await get(path, { 'if-none-match': `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const other = await get('/api/v1/scores/explain?consumer=JPN&material=Dy', {
      'if-none-match': etag ?? '',
    });
    expect(other.status).toBe(200);
  });

  it('the cursor walks every row exactly once, across the procedure’s own pages of 100', async () => {
    const all = (await asUser().reference.sources({})).items.map((s) => s.id);
    expect(all.length).toBeGreaterThan(100);
    for (const limit of [7, 100, 1000]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
        const body = await (await get(`/api/v1/sources?${query}`)).json();
        seen.push(...body.data.map((s: { id: string }) => s.id));
        cursor = body.nextCursor;
        pages++;
      } while (cursor);
      expect(seen, `limit ${limit}`).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / limit));
    }
  });

  it('facilities page by limit with the default of 100', async () => {
    const total = (await asUser().supply.facilities({})).pageInfo.total;
    const body = await (await get('/api/v1/facilities')).json();
    expect(body.data).toHaveLength(Math.min(total, 100));
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await (
        await get(`/api/v1/facilities?limit=10&sort=name${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      ids.push(...page.data.map((f: { id: string }) => f.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });
});
