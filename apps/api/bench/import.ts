// `pnpm --filter @ree/api bench:import [megabytes]`: streams a generated production.csv of that size (default
// 100 MB) through the import pipeline into a draft — read, validate, stage — then applies it, and prints the time
// of each step and the process's peak memory, to show the upload is never held whole. PGlite in a temp directory,
// or DATABASE_URL.
import { applyImport } from '../src/imports/apply-import.ts';
import { stageImport } from '../src/imports/stage-import.ts';
import { benchActor, megabytes as mb, peakMemorySampler, withBenchDatabase } from './bench-database.ts';

const megabytes = Number(process.argv[2] ?? 100);
const target = megabytes * 1024 * 1024;

/** Distinct, valid production rows (countries of the shipped data; every stage, unit, basis and year). */
async function* productionCsv(countries: string[]): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let sent = 0;
  let chunk = 'country,stage,material,year,quantity,unit,basis,projection,source_id,status\n';
  outer: for (const country of countries)
    for (const stage of ['mining', 'separation', 'metal', 'magnet', 'recycling'])
      for (const material of ['REE', 'LREE', 'HREE', 'NdPr', 'Nd', 'Pr', 'Dy', 'Tb', 'La', 'Ce', 'Sm', 'Y'])
        for (const unit of ['t', 'kt'])
          for (const basis of ['REO', 'metal', 'gross'])
            for (const projection of ['false', 'true'])
              for (let year = 1950; year <= 2060; year++) {
                chunk += `${country},${stage},${material},${year},"${(year * 7).toLocaleString('en')}.5",${unit},${basis},${projection},usgs-mcs-2025,verified\n`;
                if (chunk.length >= 65_536) {
                  const bytes = encoder.encode(chunk);
                  sent += bytes.byteLength;
                  yield bytes;
                  chunk = '';
                  if (sent >= target) break outer;
                }
              }
  if (chunk) yield encoder.encode(chunk);
}

const memory = peakMemorySampler();
try {
  await withBenchDatabase('import', async (database, draft) => {
    const countries = (
      await database.db.country.findMany({ select: { iso3: true }, distinct: ['iso3'] })
    ).map((c) => c.iso3);
    const baseline = memory.reset();

    let start = performance.now();
    const staged = await stageImport(
      database.db,
      benchActor,
      { versionId: draft.id, fileName: 'production.csv', maxBytes: target + 1_000_000 },
      productionCsv(countries),
    );
    const stageMs = performance.now() - start;
    const batch = await database.db.importBatch.findUniqueOrThrow({ where: { id: staged.batchId } });
    const stagePeak = memory.peak.rss;
    const stageHeap = memory.peak.heap;

    start = performance.now();
    const applied = await applyImport(database.db, benchActor, staged.batchId);
    const applyMs = performance.now() - start;
    const rows = Object.values(applied.rows).reduce((a, b) => a + b, 0);

    console.log(`import of a ${mb(batch.bytes)} production.csv (${database.kind})`);
    console.log(
      `  read + validate + stage: ${(stageMs / 1000).toFixed(1)} s — ${batch.accepted} rows accepted, ${batch.rejected} rejected, ${Math.round(batch.bytes / 1024 / 1024 / (stageMs / 1000))} MB/s`,
    );
    console.log(`  apply (one transaction): ${(applyMs / 1000).toFixed(1)} s — ${rows} rows written`);
    console.log(
      `  memory: RSS ${mb(baseline)} before, peak ${mb(stagePeak)} while staging, ${mb(memory.peak.rss)} overall; JS heap peak ${mb(stageHeap)} while staging (the file is ${mb(batch.bytes)})`,
    );
  });
} finally {
  memory.stop();
}
