// `pnpm --filter @ree/api bench:diff [rows]`: two drafts that differ in that many production rows (default
// 200,000, all changed), then the peak memory of a page of their diff as the API now reads it — counts in the
// database, one page of rows — beside the old way, every row of both versions loaded and compared in JS.
// PGlite in a temporary directory (its memory is this process's too), or DATABASE_URL.
import type { Db } from '../src/db/client.ts';
import { createDraft } from '../src/queries/dataset-versions.ts';
import { DiffInput, diffVersions } from '../src/queries/version-diff.ts';
import { referenceDiff } from '../test/diff-reference.ts';
import { benchActor, megabytes, peakMemorySampler, withBenchDatabase } from './bench-database.ts';

const ROWS = Number(process.argv[2] ?? 200_000);
const SOURCE = 'bench-diff';

const memory = peakMemorySampler();

/**
 * The same client, sampling memory as each raw query's rows arrive: PGlite answers on this thread, so a timer
 * alone would not run while rows are held.
 */
function sampledDb(db: Db): Db {
  return new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (property !== '$queryRawUnsafe' || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const rows: unknown = await value.apply(target, args);
        const { rss, heapUsed } = process.memoryUsage();
        memory.peak.rss = Math.max(memory.peak.rss, rss);
        memory.peak.heap = Math.max(memory.peak.heap, heapUsed);
        return rows;
      };
    },
  });
}
try {
  await withBenchDatabase('diff', async (database, from) => {
    const db = sampledDb(database.db);
    const to = await createDraft(db, benchActor, { label: `Bench diff ${Date.now()}`, from: 'current' });
    let start = performance.now();
    // A source of their own makes every bench row a key the reference data does not have.
    for (const version of [from.id, to.id]) {
      await db.$executeRawUnsafe(
        `INSERT INTO "source" ("versionId", "id", "citation") VALUES ($1, '${SOURCE}', 'Diff bench rows')`,
        version,
      );
    }
    const inserted = await db.$executeRawUnsafe(
      `INSERT INTO "production_record" ("id", "versionId", "country", "stage", "material", "year", "quantity",
         "unit", "basis", "projection", "sourceId", "status")
       SELECT gen_random_uuid()::text, $1, c."iso3", s.stage, m.material, y.year, 1, u.unit, b.basis, p.projection,
         '${SOURCE}', 'estimated'::"DataStatus"
       FROM (SELECT "iso3" FROM "country" WHERE "versionId" = $1 ORDER BY "iso3" LIMIT 10) c
       CROSS JOIN unnest(ARRAY['mining', 'separation', 'metal', 'magnet', 'recycling']) s(stage)
       CROSS JOIN unnest(ARRAY['REE', 'LREE', 'HREE', 'NdPr', 'Nd', 'Pr', 'Dy', 'Tb', 'La', 'Ce']) m(material)
       CROSS JOIN generate_series(1950, 2060) y(year)
       CROSS JOIN unnest(ARRAY['t', 'kt']) u(unit)
       CROSS JOIN unnest(ARRAY['REO', 'metal', 'gross']) b(basis)
       CROSS JOIN unnest(ARRAY[false, true]) p(projection)
       LIMIT ${ROWS}`,
      from.id,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "production_record" ("id", "versionId", "country", "stage", "material", "year", "quantity",
         "unit", "basis", "projection", "sourceId", "status")
       SELECT gen_random_uuid()::text, $2, "country", "stage", "material", "year", "quantity" + 1, "unit", "basis",
         "projection", "sourceId", "status"
       FROM "production_record" WHERE "versionId" = $1 AND "sourceId" = '${SOURCE}'`,
      from.id,
      to.id,
    );
    console.log(`set-up: ${inserted} changed rows in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    const baseline = memory.reset();
    start = performance.now();
    // Through the input schema, as the router does: it reads the page's cursor.
    const page = await diffVersions(
      db,
      DiffInput.parse({
        from: from.id,
        to: to.id,
        limit: 1000,
        page: { entity: 'production', kind: 'changed' },
      }),
    );
    const production = page.entities[0];
    console.log(
      `now:    ${production?.counts.changed} changed counted, ${production?.changed.length} rows of a page in ` +
        `${((performance.now() - start) / 1000).toFixed(1)} s; peak heap ${megabytes(memory.peak.heap)}, ` +
        `RSS +${megabytes(memory.peak.rss - baseline)}`,
    );

    const before = memory.reset();
    start = performance.now();
    const old = await referenceDiff(db, from.id, to.id, 'production');
    console.log(
      `before: ${old.counts.changed} changed, every row loaded, in ${((performance.now() - start) / 1000).toFixed(1)} s; ` +
        `peak heap ${megabytes(memory.peak.heap)}, RSS +${megabytes(memory.peak.rss - before)}`,
    );
  });
} finally {
  memory.stop();
}
