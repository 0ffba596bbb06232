// `tsx bench/import-bad-rows.ts [rows]`: stages production.csv files of that many rows (default 20,000): all
// naming one country the dataset does not have, each naming its own unknown country, all repeating one key; and
// prints how long each takes. Bad rows must not cost a database call each (test/import-round-trips.test.ts counts
// the calls; this shows what that means in time). PGlite in a temp directory, or DATABASE_URL.
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

async function* text(s: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(s);
}

await withBenchDatabase('bad-rows', async (database, draft) => {
  for (const [what, line] of [
    ['unknown country', unknownCountry],
    ['unknown countries, all different', manyCountries],
    ['duplicate key', sameKey],
  ] as const) {
    const csv = `${header}\n${Array.from({ length: rows }, (_, i) => line(i)).join('\n')}\n`;
    const start = performance.now();
    const { batchId } = await stageImport(
      database.db,
      benchActor,
      { versionId: draft.id, fileName: `${what}.csv`, entity: 'production', maxBytes: 100_000_000 },
      text(csv),
    );
    const ms = performance.now() - start;
    const batch = await database.db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    console.log(
      `${rows} rows, ${what} (${database.kind}): ${(ms / 1000).toFixed(1)} s — ${batch.accepted} accepted, ${batch.rejected} rejected`,
    );
  }
});
