// `pnpm --filter @ree/api bench:import [megabytes]`: streams a generated production.csv of that size (default
// 100 MB) through the import pipeline into a draft — read, validate, stage — then applies it, and prints the time
// of each step and the process's peak memory, to show the upload is never held whole. PGlite in a temp directory,
// or DATABASE_URL.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readReferenceDataset } from '../src/data/reference-dataset.ts';
import { openDatabase } from '../src/db/client.ts';
import { deployMigrations } from '../src/db/migrator.ts';
import { seedReferenceDataset } from '../src/db/seed.ts';
import { applyImport } from '../src/imports/apply-import.ts';
import { stageImport } from '../src/imports/stage-import.ts';
import { createDraft } from '../src/queries/dataset-versions.ts';

const megabytes = Number(process.argv[2] ?? 100);
const target = megabytes * 1024 * 1024;
const actor = { id: 'bench', email: 'bench@ree.local', ip: null };

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

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage();
  peakRss = Math.max(peakRss, rss);
  peakHeap = Math.max(peakHeap, heapUsed);
}, 50);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const dir = await mkdtemp(path.join(tmpdir(), 'ree-bench-import-'));
const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  pgliteDir: path.join(dir, 'pglite'),
});
try {
  await deployMigrations(database.adapterFactory);
  await seedReferenceDataset(database.db, await readReferenceDataset());
  const countries = (await database.db.country.findMany({ select: { iso3: true }, distinct: ['iso3'] })).map(
    (c) => c.iso3,
  );
  const draft = await createDraft(database.db, actor, { label: `Bench ${Date.now()}`, from: 'current' });
  const baseline = process.memoryUsage().rss;
  peakRss = baseline;
  peakHeap = process.memoryUsage().heapUsed;

  let start = performance.now();
  const staged = await stageImport(
    database.db,
    actor,
    { versionId: draft.id, fileName: 'production.csv', maxBytes: target + 1_000_000 },
    productionCsv(countries),
  );
  const stageMs = performance.now() - start;
  const batch = await database.db.importBatch.findUniqueOrThrow({ where: { id: staged.batchId } });
  const stagePeak = peakRss;
  const stageHeap = peakHeap;

  start = performance.now();
  const applied = await applyImport(database.db, actor, staged.batchId);
  const applyMs = performance.now() - start;
  const rows = Object.values(applied.rows).reduce((a, b) => a + b, 0);

  console.log(`import of a ${mb(batch.bytes)} production.csv (${database.kind})`);
  console.log(
    `  read + validate + stage: ${(stageMs / 1000).toFixed(1)} s — ${batch.accepted} rows accepted, ${batch.rejected} rejected, ${Math.round(batch.bytes / 1024 / 1024 / (stageMs / 1000))} MB/s`,
  );
  console.log(`  apply (one transaction): ${(applyMs / 1000).toFixed(1)} s — ${rows} rows written`);
  console.log(
    `  memory: RSS ${mb(baseline)} before, peak ${mb(stagePeak)} while staging, ${mb(peakRss)} overall; JS heap peak ${mb(stageHeap)} while staging (the file is ${mb(batch.bytes)})`,
  );
} finally {
  clearInterval(sampler);
  await database.close();
  await rm(dir, { recursive: true, force: true });
}
