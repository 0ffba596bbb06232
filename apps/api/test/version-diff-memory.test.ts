// Issue 13: a diff of two versions that differ in 20,000 production rows never has more than a page of an
// entity's rows in hand: no query of the diff returns more rows than the page size. Both versions are published
// and their headline figures computed once before counting — those read whole versions through the domain, by
// design, and are cached for published versions — so what is counted is the diff's own reading.
// Runs on PGlite and PostgreSQL.
import { ElementSymbol } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { countingDb, type Read } from './diff-reference.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

const ROWS = 20_000;

let database: Database;
let admin: SessionUser;
let original: string;
let from: string;
let to: string;

// Materials the headline's scores (NdPr, Dy) do not read, so its figures stay those of the reference data.
const MATERIALS = ElementSymbol.options.filter((m) => !['Nd', 'Pr', 'Dy'].includes(m));

beforeAll(async () => {
  database = await openTestDatabase();
  admin = await createTestUser(database, 'admin');
  original = (await resolveVersion(database.db)).id;
  const caller = callerFor(database, admin);
  const stamp = Date.now();
  from = (await caller.datasets.createDraft({ label: `Diff memory A ${stamp}` })).id;
  // 20,000 rows whose keys the reference data does not have: every material × stage × year × unit × projection.
  const inserted = await database.db.$executeRawUnsafe(
    `INSERT INTO "production_record" ("id", "versionId", "country", "stage", "material", "year", "quantity", "unit",
       "basis", "projection", "sourceId", "status")
     SELECT gen_random_uuid()::text, $1, 'CHN', s.stage, m.material, y.year, 1, u.unit, 'gross', p.projection,
       (SELECT "sourceId" FROM "production_record" WHERE "versionId" = $1 AND "country" = 'CHN' LIMIT 1),
       'estimated'::"DataStatus"
     FROM unnest(ARRAY[${MATERIALS.map((m) => `'${m}'`).join(', ')}]) m(material)
     CROSS JOIN unnest(ARRAY['mining', 'separation', 'metal', 'magnet', 'recycling']) s(stage)
     CROSS JOIN generate_series(1950, 2060) y(year)
     CROSS JOIN unnest(ARRAY['t', 'kt']) u(unit)
     CROSS JOIN unnest(ARRAY[false, true]) p(projection)
     WHERE NOT EXISTS (SELECT 1 FROM "production_record" o WHERE o."versionId" = $1 AND o."country" = 'CHN'
       AND o."stage" = s.stage AND o."material" = m.material AND o."year" = y.year AND o."unit" = u.unit
       AND o."basis" = 'gross' AND o."projection" = p.projection)
     LIMIT ${ROWS}`,
    from,
  );
  expect(inserted).toBe(ROWS);
  await caller.datasets.publish({ versionId: from, note: 'diff memory: before' });
  to = (await caller.datasets.createDraft({ label: `Diff memory B ${stamp}` })).id;
  const changed = await database.db.$executeRawUnsafe(
    // The rows the reference data does not have: the 20,000 added above.
    `UPDATE "production_record" t SET "quantity" = "quantity" + 1 WHERE t."versionId" = $1
       AND NOT EXISTS (SELECT 1 FROM "production_record" o WHERE o."versionId" = $2 AND o."country" = t."country"
         AND o."stage" = t."stage" AND o."material" = t."material" AND o."year" = t."year" AND o."unit" = t."unit"
         AND o."basis" = t."basis" AND o."projection" = t."projection" AND o."sourceId" = t."sourceId")`,
    to,
    original,
  );
  expect(changed).toBe(ROWS);
  await caller.datasets.publish({ versionId: to, note: 'diff memory: after' });
  // The headline figures, once: both versions' rows are now in the published-version cache.
  await caller.datasets.diff({ from, to });
}, 120_000);
afterAll(async () => {
  if (database) await callerFor(database, admin).datasets.rollback({ versionId: original });
  await database?.close();
});

const largest = (reads: Read[]) => reads.reduce((a, b) => (b.rows > a.rows ? b : a), { call: '', rows: 0 });

describe('a diff of 20,000 changed production rows', () => {
  it('the overview reads at most a page (200 rows) per query, and still counts them all', async () => {
    const counting = countingDb(database.db);
    const diff = await callerFor({ ...database, db: counting.db }, admin).datasets.diff({ from, to });
    expect(counting.reads.length).toBeGreaterThan(0);
    expect(largest(counting.reads).rows, largest(counting.reads).call).toBeLessThanOrEqual(200);
    const production = diff.entities.find((e) => e.entity === 'production');
    expect(production?.counts).toMatchObject({ added: 0, removed: 0, changed: ROWS });
    expect(production?.changed).toHaveLength(200);
    expect(production?.next.changed).toEqual(expect.any(String));
  });

  it('paging through all of them, 1,000 at a time, reads at most 1,000 rows per query; each row once', async () => {
    const counting = countingDb(database.db);
    const caller = callerFor({ ...database, db: counting.db }, admin);
    const keys = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    do {
      const diff = await caller.datasets.diff({
        from,
        to,
        limit: 1000,
        page: { entity: 'production', kind: 'changed', after },
      });
      const production = diff.entities[0];
      for (const c of production?.changed ?? []) {
        expect(c.fields).toEqual(['quantity']);
        keys.add(c.key);
      }
      after = production?.next.changed ?? undefined;
      pages++;
    } while (after);
    expect(pages).toBe(ROWS / 1000);
    expect(keys.size).toBe(ROWS);
    expect(largest(counting.reads).rows, largest(counting.reads).call).toBeLessThanOrEqual(1000);
  });
});
