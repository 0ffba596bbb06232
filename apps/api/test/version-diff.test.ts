// Issue 13: the version diff is worked out by the database. Its counts and lists agree with the old JS
// computation on a draft with rows added, removed and changed in several entities (a list column, NULL → value,
// value → NULL among them), and paging returns every row exactly once. Runs on PGlite and PostgreSQL.
import { ENTITY_FILES, ENTITY_NAMES, type EntityName } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { ENTITY_TABLE } from '../src/queries/dataset-versions.ts';
import type { VersionDiff } from '../src/queries/version-diff.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { referenceDiff } from './diff-reference.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf } from './support.ts';

let database: Database;
let admin: SessionUser;
let current: string;
let draft: string;

/** Runs a change on the draft and checks it touched as many rows as meant (the seed has them). */
async function change(rows: number, sql: string) {
  expect(await database.db.$executeRawUnsafe(sql, draft), sql).toBe(rows);
}

beforeAll(async () => {
  database = await openTestDatabase();
  admin = await createTestUser(database, 'admin');
  current = (await resolveVersion(database.db)).id;
  draft = (await callerFor(database, admin).datasets.createDraft({ label: `Diff paging ${Date.now()}` })).id;
  // Production rows are picked from one order (ids are random), so the changed, removed and copied ones differ.
  const some = (table: string, n: number, where = 'TRUE', offset = 0) =>
    `SELECT "id" FROM "${table}" WHERE "versionId" = $1 AND ${where} ORDER BY "id" LIMIT ${n} OFFSET ${offset}`;
  await change(
    7,
    `UPDATE "production_record" SET "quantity" = "quantity" + 1 WHERE "id" IN (${some('production_record', 7, `"unit" <> 'share'`)})`,
  );
  await change(
    4,
    `DELETE FROM "production_record" WHERE "id" IN (${some('production_record', 4, `"unit" <> 'share'`, 7)})`,
  );
  await change(
    5,
    `INSERT INTO "production_record" ("id", "versionId", "country", "stage", "material", "year", "quantity", "unit",
       "basis", "projection", "sourceId", "status")
     SELECT gen_random_uuid()::text, "versionId", "country", "stage", "material", 1950 + (row_number() OVER ())::int,
       "quantity", 'kt', 'gross', "projection", "sourceId", "status"
       FROM "production_record" WHERE "id" IN (${some('production_record', 5, `"unit" <> 'share'`, 20)})`,
  );
  await change(
    1,
    `INSERT INTO "country" ("versionId", "iso3", "name", "region") VALUES ($1, 'ZZZ', 'Testland', 'Oceania')`,
  );
  await change(
    1,
    `UPDATE "element" SET "uses" = array_append("uses", 'diff test') WHERE "versionId" = $1 AND "symbol" = 'Nd'`,
  );
  await change(
    1,
    `UPDATE "facility" SET "notes" = NULL WHERE "versionId" = $1 AND "id" IN (${some('facility', 1, '"notes" IS NOT NULL AND "endYear" IS NOT NULL')})`,
  );
  await change(
    1,
    `UPDATE "facility" SET "endYear" = 2049 WHERE "versionId" = $1 AND "id" IN (${some('facility', 1, '"endYear" IS NULL')})`,
  );
  await change(
    1,
    `DELETE FROM "trade_flow" WHERE "id" IN (SELECT "id" FROM "trade_flow" WHERE "versionId" = $1 ORDER BY "id" LIMIT 1)`,
  );
});
afterAll(async () => {
  await database?.close();
});

const diff = (input: Partial<Parameters<ReturnType<typeof callerFor>['datasets']['diff']>[0]> = {}) =>
  callerFor(database, admin).datasets.diff({ from: current, to: draft, ...input });

describe('the diff, worked out in the database', () => {
  it('has the counts, lists and changed fields of the old JS computation, for every entity', async () => {
    const result = await diff({ limit: 1000 });
    for (const entity of ENTITY_NAMES) {
      const mine = result.entities.find((e) => e.entity === entity);
      const old = await referenceDiff(database.db, current, draft, entity);
      expect(mine?.counts, entity).toEqual(old.counts);
      expect(mine?.added.map((a) => a.key).sort(), entity).toEqual(old.added);
      expect(mine?.removed.map((r) => r.key).sort(), entity).toEqual(old.removed);
      expect(new Map(mine?.changed.map((c) => [c.key, c.fields])), entity).toEqual(old.changed);
    }
    const of = (entity: EntityName) => result.entities.find((e) => e.entity === entity);
    expect(of('production')?.counts).toMatchObject({ added: 5, removed: 4, changed: 7 });
    expect(of('countries')?.added).toEqual([
      { key: 'ZZZ', row: { iso3: 'ZZZ', name: 'Testland', region: 'Oceania' } },
    ]);
    const nd = of('elements')?.changed[0];
    expect(nd?.fields).toEqual(['uses']);
    expect(nd?.after.uses).toEqual([...((nd?.before.uses as string[]) ?? []), 'diff test']);
    const facilities = of('facilities')?.changed ?? [];
    expect(facilities.map((c) => c.fields).sort()).toEqual([['endYear'], ['notes']]);
    const opened = facilities.find((c) => c.fields.includes('endYear'));
    expect([opened?.before.endYear, opened?.after.endYear]).toEqual([null, 2049]);
    expect(of('trade')?.counts.removed).toBe(1);
    expect(result.headline.length).toBeGreaterThan(0);
  });

  it('pages through every list: each row exactly once and never an empty page, whatever the page size', async () => {
    for (const limit of [1, 2, 3]) {
      const overview = await diff({ limit });
      for (const e of overview.entities) {
        for (const kind of ['added', 'removed', 'changed'] as const) {
          if (e.counts[kind] === 0) continue;
          const keys = e[kind].map((r) => r.key);
          let next = e.next[kind];
          while (next) {
            const page: VersionDiff = await diff({ limit, page: { entity: e.entity, kind, after: next } });
            expect(page.page).toEqual({ entity: e.entity, kind, after: next });
            expect(page.headline).toEqual([]);
            const [only] = page.entities;
            expect(page.entities).toHaveLength(1);
            // Never an empty page: a cursor is only given when a row follows.
            expect(only?.[kind].length).toBeGreaterThan(0);
            expect(only?.[kind].length).toBeLessThanOrEqual(limit);
            keys.push(...(only?.[kind] ?? []).map((r) => r.key));
            next = only?.next[kind] ?? null;
          }
          const old = await referenceDiff(database.db, current, draft, e.entity);
          const expected = kind === 'changed' ? [...old.changed.keys()].sort() : old[kind];
          expect(new Set(keys).size, `${e.entity} ${kind} ${limit}`).toBe(keys.length);
          expect([...keys].sort(), `${e.entity} ${kind} ${limit}`).toEqual(expected);
        }
      }
    }
  });

  it('starts a list from the top without a cursor; a full last page says the list ends there', async () => {
    const page = (after?: string) =>
      diff({ limit: 2, page: { entity: 'production', kind: 'removed', after } });
    const first = (await page()).entities[0];
    expect(first?.removed).toHaveLength(2);
    expect(first?.next.removed).toEqual(expect.any(String));
    // The 4 removed rows fill the second page exactly: it asks for the row after its last and finds none.
    const second = (await page(first?.next.removed ?? undefined)).entities[0];
    expect(second?.removed).toHaveLength(2);
    expect(second?.next.removed).toBeNull();
    expect(second?.counts).toEqual(first?.counts);
  });

  it('refuses a damaged cursor, or one from another table, as a bad request', async () => {
    const overview = await diff({ limit: 1 });
    const cursor = overview.entities.find((e) => e.entity === 'production')?.next.changed ?? '';
    expect(cursor).not.toBe('');
    for (const [entity, after] of [
      ['countries', cursor],
      ['production', 'bm90IGpzb24'],
      ['production', Buffer.from('[1,2]').toString('base64url')],
    ] as const) {
      expect(await outcomeOf(diff({ limit: 1, page: { entity, kind: 'changed', after } }))).toBe(
        'BAD_REQUEST',
      );
    }
    expect(
      await outcomeOf(diff({ page: { entity: 'production', kind: 'changed', after: "x' OR 1=1" } })),
    ).toBe('BAD_REQUEST');
  });

  it('joins on key columns that are NOT NULL, so "=" on the key is the same as the old string key', async () => {
    for (const entity of ENTITY_NAMES) {
      const rows = await database.db.$queryRawUnsafe<{ column_name: string; is_nullable: string }[]>(
        `SELECT column_name, is_nullable FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1`,
        ENTITY_TABLE[entity],
      );
      for (const key of ENTITY_FILES[entity].key) {
        expect(rows.find((r) => r.column_name === key)?.is_nullable, `${entity}.${key}`).toBe('NO');
      }
    }
  });
});
