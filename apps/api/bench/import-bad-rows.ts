// `tsx bench/import-bad-rows.ts [rows]`: stages production.csv files of that many rows (default 20,000): all
// naming one country the dataset does not have, each naming its own unknown country, all repeating one key; and
// prints how long each takes and the longest the event loop was held meanwhile (on PGlite the database runs in
// this process, so a long statement is a stall of the whole API: /healthz and every page wait for it). Bad rows
// must not cost a database call each (test/import-round-trips.test.ts counts the calls; this shows what that means
// in time), nor one long statement. PGlite in a temp directory, or DATABASE_URL.
import { stageImport } from '../src/imports/stage-import.ts';
import { benchActor, withBenchDatabase } from './bench-database.ts';

const rows = Number(process.argv[2] ?? 20_000);
const header = 'country,stage,material,year,quantity,unit,basis,projection,source_id,status';
const stages = ['mining', 'separation', 'metal', 'magnet', 'recycling'];
const bases = ['REO', 'metal', 'gross'];
const materials = ['REE', 'LREE', 'HREE', 'NdPr', 'Nd', 'Pr', 'Dy', 'Tb', 'La', 'Ce', 'Sm', 'Y'];
/** Row i of a run with distinct keys; every one names the unknown country XKX. */
const unknownCountry = (i: number) =>
  `XKX,${stages[Math.floor(i / 912) % 5]},${materials[Math.floor(i / 76) % 12]},${1950 + (i % 76)},10,t,${bases[Math.floor(i / 4560) % 3]},false,usgs-mcs-2025,verified`;
/** The same, each naming a different unknown country (XAA, XAB, …), so the set of unknown values is large too. */
const manyCountries = (i: number) =>
  unknownCountry(i).replace(
    'XKX',
    `${String.fromCharCode(65 + (Math.floor(i / 676) % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}${String.fromCharCode(65 + (i % 26))}`,
  );
const sameKey = () => 'AUS,mining,REE,2019,10,t,REO,false,usgs-mcs-2025,verified';

/** The upload in 256 kB pieces, as the spool file is read back (http/spool.ts). */
async function* text(s: string): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(s);
  for (let i = 0; i < bytes.length; i += 256 * 1024) yield bytes.subarray(i, i + 256 * 1024);
}

/** The worst lateness of a 10 ms timer while `work` runs: the longest a request would have waited. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let stallMs = 0;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last - 10);
    last = now;
  };
  const timer = setInterval(tick, 10);
  try {
    const result = await work();
    // A loop held to the very end never ran the timer at all: that last stretch counts too.
    tick();
    return { result, stallMs };
  } finally {
    clearInterval(timer);
  }
}

await withBenchDatabase('bad-rows', async (database, draft) => {
  for (const [what, line] of [
    ['unknown country', unknownCountry],
    ['unknown countries, all different', manyCountries],
    ['duplicate key', sameKey],
  ] as const) {
    const csv = `${header}\n${Array.from({ length: rows }, (_, i) => line(i)).join('\n')}\n`;
    const start = performance.now();
    const {
      result: { batchId },
      stallMs,
    } = await longestStall(() =>
      stageImport(
        database.db,
        benchActor,
        { versionId: draft.id, fileName: `${what}.csv`, entity: 'production', maxBytes: 100_000_000 },
        text(csv),
      ),
    );
    const ms = performance.now() - start;
    const batch = await database.db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    console.log(
      `${rows} rows, ${what} (${database.kind}): ${(ms / 1000).toFixed(1)} s, longest stall ${stallMs.toFixed(0)} ms — ${batch.accepted} accepted, ${batch.rejected} rejected`,
    );
  }
});
