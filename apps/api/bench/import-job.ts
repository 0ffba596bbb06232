// `pnpm --filter @ree/api bench:import-job [rows]`: an import as the background jobs run it, on DATABASE_URL
// (PostgreSQL; PGlite in a temp directory when unset). Writes a production.csv of `rows` (default 1,000,000)
// distinct valid rows, times upload (bytes stored for the job) → validated (the validate job) → applied (the apply
// job), with the process's peak RSS, and prints it beside a plain server-side COPY of the same file into a scratch
// table in the same database: the floor any import of that file could reach.

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { enqueueApplyJob } from '../src/imports/jobs/apply-job.ts';
import { importJobHandler } from '../src/imports/jobs/job-status.ts';
import { enqueueValidateJob } from '../src/imports/jobs/validate-job.ts';
import { ImportWorker } from '../src/imports/jobs/worker.ts';
import { benchActor, megabytes as mb, peakMemorySampler, withBenchDatabase } from './bench-database.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const HEADER = 'country,stage,material,year,quantity,unit,basis,projection,source_id,status';

/** Writes `rows` distinct valid production rows (every stage, material, unit, basis and year per country). */
async function writeCsv(file: string, countries: string[]): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  let chunk = `${HEADER}\n`;
  outer: for (const country of countries)
    for (const stage of ['mining', 'separation', 'metal', 'magnet', 'recycling'])
      for (const material of ['REE', 'LREE', 'HREE', 'NdPr', 'Nd', 'Pr', 'Dy', 'Tb', 'La', 'Ce', 'Sm', 'Y'])
        for (const unit of ['t', 'kt'])
          for (const basis of ['REO', 'metal', 'gross'])
            for (const projection of ['false', 'true'])
              for (let year = 1950; year <= 2060; year++) {
                if (year > 2026 && projection === 'false') continue; // a future year is a projection
                chunk += `${country},${stage},${material},${year},${year * 7}.5,${unit},${basis},${projection},usgs-mcs-2025,verified\n`;
                if (++written >= rows) break outer;
                if (chunk.length >= 1 << 20) {
                  if (!out.write(chunk)) await once(out, 'drain');
                  chunk = '';
                }
              }
  out.end(chunk);
  await once(out, 'finish');
  return written;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const memory = peakMemorySampler();
const dir = await mkdtemp(path.join(tmpdir(), 'ree-bench-job-'));
try {
  await withBenchDatabase('import-job', async (database, draft) => {
    const countries = (
      await database.db.country.findMany({
        select: { iso3: true },
        distinct: ['iso3'],
        orderBy: { iso3: 'asc' },
      })
    ).map((c) => c.iso3);
    const file = path.join(dir, 'production.csv');
    const written = await writeCsv(file, countries);
    // The database server reads the file itself for the plain COPY.
    await chmod(dir, 0o755);
    await chmod(file, 0o644);
    const bytes = (await import('node:fs')).statSync(file).size;
    console.log(`production.csv: ${written} rows, ${mb(bytes)} (${database.kind})`);

    if (database.kind === 'postgresql') {
      await database.db.$executeRawUnsafe(
        `CREATE TEMP TABLE bench_copy (country text, stage text, material text, year text, quantity text,
          unit text, basis text, projection text, source_id text, status text)`,
      );
      const start = performance.now();
      await database.db.$executeRawUnsafe(`COPY bench_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`);
      console.log(`  plain COPY into a scratch table:  ${seconds(performance.now() - start)}`);
    }

    const maxBytes = bytes + 1_000_000;
    const worker = new ImportWorker(database.db, importJobHandler(maxBytes), {
      scope: { versionId: draft.id },
      onError: (error) => console.error(error),
    });
    const baseline = memory.reset();
    const t0 = performance.now();
    const { jobId } = await enqueueValidateJob(
      database.db,
      { versionId: draft.id, fileName: 'production.csv', actor: benchActor },
      createReadStream(file, { highWaterMark: 1 << 20 }),
    );
    const t1 = performance.now();
    await worker.runOnce();
    const t2 = performance.now();
    const validated = await database.db.importJob.findUniqueOrThrow({ where: { id: jobId } });
    if (validated.state !== 'succeeded' || !validated.batchId)
      throw new Error(`validate: ${validated.error}`);
    const apply = await enqueueApplyJob(database.db, benchActor, validated.batchId);
    await worker.runOnce();
    const t3 = performance.now();
    const applied = await database.db.importJob.findUniqueOrThrow({ where: { id: apply.jobId } });
    if (applied.state !== 'succeeded') throw new Error(`apply: ${applied.error}`);
    console.log(`  upload stored for the job:        ${seconds(t1 - t0)}`);
    console.log(
      `  validate job:                     ${seconds(t2 - t1)} (${validated.rowsValidated} valid of ${validated.rowsRead}, ${Math.round(validated.rowsRead / ((t2 - t1) / 1000))} rows/s)`,
    );
    console.log(`  apply job (one transaction):      ${seconds(t3 - t2)} (${applied.rowsApplied} rows)`);
    console.log(
      `  validate + apply:                 ${seconds(t3 - t1)}; upload → applied ${seconds(t3 - t0)}`,
    );
    console.log(`  memory: RSS ${mb(baseline)} before, peak ${mb(memory.peak.rss)}`);
  });
} finally {
  memory.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
