// `pnpm --filter @ree/api bench:long-line [megabytes] [header]`: stages a production.csv whose header is followed by
// one line of that many megabytes (default 50) with no line break (with "header": the header itself is that line), in 256 kB chunks as an upload arrives, and prints
// the process's peak memory and the report's longest message. Shows the line cap is enforced while streaming:
// the long line is never held whole. PGlite in a temp directory, or DATABASE_URL.
import { stageImport } from '../src/imports/stage-import.ts';
import { benchActor, megabytes as mb, peakMemorySampler, withBenchDatabase } from './bench-database.ts';

const megabytes = Number(process.argv[2] ?? 50);
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

const memory = peakMemorySampler(20);
try {
  await withBenchDatabase('long-line', async (database, draft) => {
    const baseline = memory.reset();
    const start = performance.now();
    const staged = await stageImport(
      database.db,
      benchActor,
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
    console.log(`  memory: RSS ${mb(baseline)} before, peak ${mb(memory.peak.rss)} while staging`);
  });
} finally {
  memory.stop();
}
