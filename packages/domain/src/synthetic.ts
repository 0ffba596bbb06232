// A seeded generator of synthetic but plausible supply data, for benchmarks, load tests and demos. Never mixed
// with the reference dataset: every record is marked `estimated` with source `synthetic`.
import type { Material } from './entities/element.ts';
import { CHAIN_STAGES, type Stage } from './entities/stage.ts';
import type { TradeFlow } from './entities/trade.ts';
import { createRng } from './simulation/rng.ts';

export interface SyntheticOptions {
  /** How many trade flows to produce. */
  flows: number;
  countries?: number;
  years?: number;
  firstYear?: number;
  seed?: number;
}

export interface SyntheticDataset {
  countries: string[];
  wgi: Record<string, number>;
  flows: TradeFlow[];
}

const MATERIALS: Material[] = [
  'La',
  'Ce',
  'Pr',
  'Nd',
  'Sm',
  'Eu',
  'Gd',
  'Tb',
  'Dy',
  'Ho',
  'Er',
  'Tm',
  'Yb',
  'Lu',
  'Y',
  'Sc',
  'NdPr',
];

/** Three-letter codes AAA, AAB, … — not real countries, so synthetic data cannot be mistaken for real data. */
function code(i: number): string {
  const a = 65 + Math.floor(i / 676);
  const b = 65 + (Math.floor(i / 26) % 26);
  const c = 65 + (i % 26);
  return String.fromCharCode(a, b, c);
}

/**
 * Generates `flows` trade flows among `countries` synthetic countries over `years` years. Exporters follow a
 * heavy-tailed distribution (a few dominate, as in the real market); quantities are log-normal-ish.
 * @example syntheticDataset({ flows: 1_000, seed: 1 }).flows.length // 1000
 */
export function syntheticDataset({
  flows,
  countries = 200,
  years = 10,
  firstYear = 2015,
  seed = 1,
}: SyntheticOptions): SyntheticDataset {
  const rng = createRng(seed);
  const names = Array.from({ length: countries }, (_, i) => code(i));
  const wgi = Object.fromEntries(names.map((c) => [c, Math.round(rng.next() * 1000) / 100]));
  const out: TradeFlow[] = new Array(flows);
  for (let i = 0; i < flows; i++) {
    const importer = names[Math.floor(rng.next() * countries)] ?? 'AAA';
    // Skewed towards the first few exporters: index = n × u³.
    let exporter = names[Math.floor(countries * rng.next() ** 3)] ?? 'AAB';
    if (exporter === importer) exporter = names[(names.indexOf(importer) + 1) % countries] ?? 'AAB';
    out[i] = {
      importer,
      exporter,
      material: MATERIALS[Math.floor(rng.next() * MATERIALS.length)] ?? 'Nd',
      stage: CHAIN_STAGES[Math.floor(rng.next() * CHAIN_STAGES.length)] as Stage,
      year: firstYear + Math.floor(rng.next() * years),
      quantity: Math.round(10 ** (1 + 3 * rng.next())),
      unit: 't',
      basis: 'REO',
      valueUsd: null,
      sourceId: 'synthetic',
      status: 'estimated',
    };
  }
  return { countries: names, wgi, flows: out };
}
