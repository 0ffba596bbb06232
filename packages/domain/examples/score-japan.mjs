// Japan's resilience scores, reproduced from the shipped CSV files and this package alone — the numbers the API
// serves. Run with `node examples/score-japan.mjs [data-dir] [--json]` after `pnpm --filter @ree/domain build`.
// The data directory defaults to the repository's apps/api/data/reference.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDataset, scoreFromDataset } from '@ree/domain';

const args = process.argv.slice(2);
const json = args.includes('--json');
const here = path.dirname(fileURLToPath(import.meta.url));
const dir = args.find((a) => !a.startsWith('--')) ?? path.join(here, '../../../apps/api/data/reference');
const today = args.find((a) => a.startsWith('--today='))?.slice(8) ?? new Date().toISOString().slice(0, 10);

const files = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
);
const { rows } = parseDataset(files);

const results = [];
for (const material of ['NdPr', 'Dy', 'Tb']) {
  for (const year of [2010, 2025]) {
    const scored = scoreFromDataset(rows, { consumer: 'JPN', material, stage: 'separation', year, today });
    results.push({ material, year, scored });
  }
}

if (json) {
  console.log(
    JSON.stringify(results.map(({ material, year, scored }) => ({ material, year, result: scored.result }))),
  );
} else {
  for (const { material, year, scored } of results) {
    const r = scored.result;
    const headline = r.status === 'ok' ? r.score.toFixed(1) : `insufficient data (${r.reason})`;
    console.log(
      `\nJapan · ${material} · separation · ${year}: ${headline} / 100 (coverage ${(r.coverage * 100).toFixed(0)} %)`,
    );
    if (scored.imports?.note) console.log(`  imports: ${scored.imports.note}`);
    for (const c of r.components) {
      console.log(
        `  ${c.label.padEnd(42)} risk ${c.risk.toFixed(3)}  weight ${c.weight.toFixed(3)}  +${c.points.toFixed(2)}`,
      );
    }
    for (const m of r.missing) console.log(`  (left out) ${m.id}: ${m.reason}`);
    if (r.drag) console.log(`  drags most: ${r.drag}`);
  }
}
