// `pnpm --filter @ree/domain bench`: prints timings for the two targets of the domain package.
// Run on the built package (dist), as users get it.
import { SCENARIO_LIMITS, scoreTradeFlows, simulateRisk, syntheticDataset } from '../dist/index.js';

function time<T>(label: string, fn: () => T, runs = 5): T {
  let result = fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: median ${(times[Math.floor(runs / 2)] ?? 0).toFixed(0)} ms (min ${(times[0] ?? 0).toFixed(0)} ms, ${runs} runs)`,
  );
  return result;
}

const generated = time(
  'generate 1,000,000 synthetic trade flows',
  () => syntheticDataset({ flows: 1_000_000, seed: 1 }),
  1,
);
const context = {
  wgi: generated.wgi,
  exportRestricting: () => ['AAA'],
  partners: () => ['AAB', 'AAC'],
  recyclingShare: () => 0.02,
  substitutionIndex: () => 0.8,
  stockpileDays: () => 60,
};
const scores = time('score every consumer × material × stage × year cell (1,000,000 flows)', () =>
  scoreTradeFlows(generated.flows, context),
);
console.log(`  cells scored: ${scores.length.toLocaleString('en')} (target: under 500 ms on one core)`);
// The reference, in the same run: only summing the same flows into their cells, keyed the obvious way (a Map on a
// composite string). Scoring every cell should cost little more than merely grouping them.
time('reference: sum the same flows by cell with a string-keyed Map, no scoring', () => {
  const cells = new Map<string, Map<string, number>>();
  for (const f of generated.flows) {
    if (f.unit !== 't') continue;
    const key = `${f.importer}|${f.material}|${f.stage}|${f.year}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = new Map();
      cells.set(key, cell);
    }
    cell.set(f.exporter, (cell.get(f.exporter) ?? 0) + f.quantity);
  }
  return cells.size;
});

const baseline = {
  demandPerYear: 12_000,
  stockpileDays: 60,
  months: 12,
  suppliers: [
    { id: 'CHN', supplyPerYear: 8_000, spareCapacityPerYear: 2_000 },
    { id: 'MYS', supplyPerYear: 1_500, spareCapacityPerYear: 500, partner: true },
    { id: 'AUS', supplyPerYear: 1_000, spareCapacityPerYear: 800, partner: true },
    { id: 'USA', supplyPerYear: 800, spareCapacityPerYear: 400 },
    { id: 'VNM', supplyPerYear: 400, spareCapacityPerYear: 200, partner: true },
    { id: 'MMR', supplyPerYear: 300, spareCapacityPerYear: 0 },
  ],
};
const wgi = { CHN: 5.67, MYS: 4.14, AUS: 2.02, USA: 3.01, VNM: 5.67, MMR: 8.21 };
const samples = SCENARIO_LIMITS.maxSamples;
const risk = time(
  `Monte Carlo: ${samples.toLocaleString('en')} samples (the most a scenario may ask), one consumer and element, 12 months`,
  () => simulateRisk({ baseline, wgi, samples, seed: 1 }),
);
console.log(
  `  P50 ${risk.p50.toFixed(0)} t, P95 ${risk.p95.toFixed(0)} t, expected shortfall ${risk.expectedShortfall.toFixed(0)} t (target: under 1 s)`,
);
