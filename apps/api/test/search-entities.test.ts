// Search ranking and the entity pages (facility, operator, policy, partnership, element chain) on the seeded
// reference dataset: found, unknown → NOT_FOUND, and `asOf` naming the version read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { versionRefOf } from '../src/queries/versions.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf } from './support.ts';

let database: Database;
let api: ReturnType<typeof callerFor>;
let current: { id: string; label: string };

beforeAll(async () => {
  database = await openTestDatabase();
  api = callerFor(database, await createTestUser(database, 'user'));
  const versions = await api.reference.versions();
  const found = versions.find((v) => v.isCurrent);
  if (!found) throw new Error('the seed publishes a current version');
  current = versionRefOf(found);
}, 120_000);
afterAll(() => database?.close());

describe('search.query', () => {
  it('puts an exact code first, then prefixes, then parts, across kinds', async () => {
    const dy = await api.search.query({ q: 'dy' });
    expect(dy.hits[0]).toMatchObject({ kind: 'element', id: 'Dy', target: { kind: 'element', id: 'Dy' } });
    const lynas = await api.search.query({ q: 'Lynas' });
    const kinds = lynas.hits.map((h) => h.kind);
    expect(kinds).toContain('operator');
    expect(kinds).toContain('facility');
    expect(kinds).toContain('partnership');
    // "Lynas Rare Earths" (a prefix) comes before "Sojitz; Lynas" (a word inside).
    const ids = (await api.search.query({ q: 'Lynas', limit: 50 })).hits.map((h) => `${h.kind}:${h.id}`);
    expect(ids).toContain('partnership:sojitz-lynas-2010');
    expect(ids.indexOf('operator:lynas-rare-earths')).toBeLessThan(
      ids.indexOf('partnership:sojitz-lynas-2010'),
    );
    // Pages before sources: the "lynas-reports" source matches as a prefix too, but comes after them.
    expect(ids.indexOf('operator:lynas-rare-earths')).toBeLessThan(ids.indexOf('source:lynas-reports'));
    expect(lynas.hits[0]).toMatchObject({ kind: 'operator', id: 'lynas-rare-earths' });
    expect(lynas.datasetVersion).toEqual(current);
  });

  it('folds case and accents, and keeps to the limit', async () => {
    const folded = await api.search.query({ q: 'JAPÁN', limit: 3 });
    expect(folded.hits[0]).toMatchObject({ kind: 'country', id: 'JPN' });
    expect(folded.hits.length).toBeLessThanOrEqual(3);
  });

  it('finds sources and investments, each with a target to open', async () => {
    const hits = (await api.search.query({ q: 'usgs-mcs-2026' })).hits;
    expect(hits[0]).toMatchObject({ kind: 'source', target: { kind: 'external' } });
    const loan = (await api.search.query({ q: 'jogmec-lynas-loan-2011' })).hits[0];
    expect(loan).toMatchObject({ kind: 'investment', target: { kind: 'operator', id: 'lynas-rare-earths' } });
  });

  it('answers nothing for text nothing holds, and refuses an empty query', async () => {
    expect((await api.search.query({ q: 'zzzqqq' })).hits).toEqual([]);
    expect(await outcomeOf(api.search.query({ q: '   ' }))).toBe('BAD_REQUEST');
  });
});

describe('entity pages', () => {
  it('a facility with its operators, investments into it and its sources', async () => {
    const page = await api.entities.facility({ id: 'mount-weld' });
    expect(page.facility.operators).toEqual([{ slug: 'lynas-rare-earths', name: 'Lynas Rare Earths' }]);
    expect(page.investments.map((i) => i.id)).toContain('sojitz-lynas-equity-2011');
    expect(page.sources.map((s) => s.id)).toContain(page.facility.sourceId);
    expect(page.datasetVersion).toEqual(current);
  });

  it('an operator gathers its facilities under one slug, with the agreements that name it', async () => {
    const lynas = await api.entities.operator({ slug: 'lynas-rare-earths' });
    expect(lynas.facilities.map((f) => f.id)).toEqual(
      expect.arrayContaining(['mount-weld', 'kalgoorlie', 'lynas-malaysia', 'lynas-jslink-magnet']),
    );
    expect(lynas.partnerships.map((p) => p.id)).toEqual(expect.arrayContaining(['jare-lynas-2023']));
    expect(lynas.operator.countries).toEqual(expect.arrayContaining(['AUS', 'MYS']));
    // "China Rare Earth Group (Ganzhou units) [U]" and "… (51% China Rare Earth Group)" are the same company.
    const crg = await api.entities.operator({ slug: 'china-rare-earth-group' });
    expect(crg.facilities.map((f) => f.id)).toEqual(
      expect.arrayContaining(['ganzhou-ionic-clays', 'longnan', 'maoniuping']),
    );
  });

  it('a policy with the plants it touches; a partnership with its operators', async () => {
    const policy = await api.entities.policy({ id: 'china-licensing-2025-04' });
    expect(policy.policy.elements).toContain('Dy');
    expect(policy.facilities.every((f) => f.country === 'CHN')).toBe(true);
    expect(policy.facilities.map((f) => f.id)).toContain('ganzhou-separation');
    const deal = await api.entities.partnership({ id: 'jare-lynas-2023' });
    expect(deal.operators.map((o) => o.slug)).toContain('lynas-rare-earths');
    expect(deal.investments.map((i) => i.id)).toContain('jare-lynas-2023');
  });

  it('the chain from an element: facilities, operators, agreements, policies', async () => {
    const chain = await api.entities.elementChain({ material: 'Dy' });
    expect(chain.facilities.map((f) => f.id)).toContain('lynas-malaysia-hre-circuit');
    expect(chain.facilities.map((f) => f.id)).not.toContain('mount-weld');
    expect(chain.operators.map((o) => o.slug)).toContain('lynas-rare-earths');
    expect(chain.policies.map((p) => p.id)).toContain('china-licensing-2025-04');
    expect(chain.policies.map((p) => p.id)).not.toContain('china-licensing-2025-10');
  });

  it('unknown ids are NOT_FOUND; asOf reads the version named and refuses an unknown one', async () => {
    expect(await outcomeOf(api.entities.facility({ id: 'no-such-plant' }))).toBe('NOT_FOUND');
    expect(await outcomeOf(api.entities.operator({ slug: 'no-such-company' }))).toBe('NOT_FOUND');
    expect(await outcomeOf(api.entities.policy({ id: 'no-such-policy' }))).toBe('NOT_FOUND');
    expect(await outcomeOf(api.entities.partnership({ id: 'no-such-deal' }))).toBe('NOT_FOUND');
    const asOf = await api.entities.facility({ id: 'mount-weld', asOf: current.id });
    expect(asOf.datasetVersion).toEqual(current);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await outcomeOf(api.entities.facility({ id: 'mount-weld', asOf: missing }))).toBe('NOT_FOUND');
    expect(await outcomeOf(api.search.query({ q: 'Lynas', asOf: missing }))).toBe('NOT_FOUND');
  });
});
