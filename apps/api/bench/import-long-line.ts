// `pnpm --filter @ree/api bench:long-line [megabytes] [header]`: stages a production.csv whose header is followed by
// one line of that many megabytes (default 50) with no line break (with "header": the header itself is that line), in 256 kB chunks as an upload arrives, and prints
// the process's peak memory and the report's longest message. Shows the line cap is enforced while streaming:
// the long line is never held whole. PGlite in a temp directory, or DATABASE_URL.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readReferenceDataset } from '../src/data/reference-dataset.ts';
import { openDatabase } from '../src/db/client.ts';
import { deployMigrations } from '../src/db/migrator.ts';
import { seedReferenceDataset } from '../src/db/seed.ts';
import { stageImport } from '../src/imports/stage-import.ts';
import { createDraft } from '../src/queries/dataset-versions.ts';

const megabytes = Number(process.argv[2] ?? 50);
const actor = { id: 'bench', email: 'bench@ree.local', ip: null };
const longHeader = process.argv[3] === 'header';
const CHUNK = 256 * 1024;

/** A header, then one line of `megabytes` MB: "AUS,mining,REE,2019,xxxx…" with no line break (or the header is). */
async function* oneLongLine(): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(
    longHeader
      ? 'country,stage,material,year,quantity,unit,basis,projection,source_id,status,'
      : 'country,stage,material,year,quantity,unit,basis,projection,source_id,status\nAUS,mining,REE,2019,',
  );
  const filler = new Uint8Array(CHUNK).fill(0x78); // "x"
  for (let sent = 0; sent < megabytes * 1024 * 1024; sent += CHUNK) yield filler;
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const dir = await mkdtemp(path.join(tmpdir(), 'ree-bench-long-line-'));
const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  pgliteDir: path.join(dir, 'pglite'),
});
try {
  await deployMigrations(database.adapterFactory);
  await seedReferenceDataset(database.db, await readReferenceDataset());
  const draft = await createDraft(database.db, actor, { label: `Bench ${Date.now()}`, from: 'current' });
  const baseline = process.memoryUsage().rss;
  peakRss = baseline;
  const start = performance.now();
  const staged = await stageImport(
    database.db,
    actor,
    { versionId: draft.id, fileName: 'production.csv', maxBytes: (megabytes + 1) * 1024 * 1024 },
    oneLongLine(),
  );
  const ms = performance.now() - start;
  const batch = await database.db.importBatch.findUniqueOrThrow({ where: { id: staged.batchId } });
  const issues = await database.db.importIssue.findMany({ where: { batchId: staged.batchId } });
  const longest = Math.max(0, ...issues.map((i) => i.message.length));
  console.log(
    `staging a production.csv with one ${megabytes} MB ${longHeader ? 'header' : 'line'} (${database.kind})`,
  );
  console.log(
    `  ${(ms / 1000).toFixed(1)} s — ${batch.accepted} rows accepted, ${batch.fileErrors} file error(s)`,
  );
  for (const i of issues) console.log(`  ${i.severity} line ${i.line ?? '-'}: ${i.message.slice(0, 160)}`);
  console.log(`  longest message: ${longest} characters`);
  console.log(`  memory: RSS ${mb(baseline)} before, peak ${mb(peakRss)} while staging`);
} finally {
  clearInterval(sampler);
  await database.close();
  await rm(dir, { recursive: true, force: true });
}
