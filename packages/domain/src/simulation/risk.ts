import { z } from 'zod';
import { InvalidSupplyError } from '../errors.ts';
import { DisruptionBaseline, emptyPlan, prepareBaseline, runPlan } from './disruption.ts';
import { createRng } from './rng.ts';

/**
 * How likely a supplier is to disrupt exports in a year, from its governance (EU 0–10 scale, 10 = worst):
 * p = pMin + (pMax − pMin) × (WGI ÷ 10)². The square keeps well-governed suppliers near pMin and puts most of
 * the risk on the worst-governed. Defaults: pMin 2 %, pMax 50 % — so Australia (2.02) ≈ 4 %, China (5.67) ≈ 17 %,
 * Myanmar (8.21) ≈ 34 % a year. An assumption, not an observation: override it with `probability`.
 */
export function disruptionProbability(wgi: number, { min = 0.02, max = 0.5 } = {}): number {
  const g = Math.min(10, Math.max(0, wgi)) / 10;
  return min + (max - min) * g * g;
}

export const RiskInput = z.strictObject({
  baseline: DisruptionBaseline,
  /** Governance by supplier id; a supplier without one is treated as worst governed (10). */
  wgi: z.record(z.string(), z.number().finite().min(0).max(10)),
  samples: z.int().min(1).max(1_000_000).default(10_000),
  seed: z.int().min(0).max(0xffffffff).default(1),
  probability: z.strictObject({ min: z.number().min(0).max(1), max: z.number().min(0).max(1) }).optional(),
  /** A disruption withholds a uniform fraction in [minCut, 1] for 1 to maxMonths months. */
  severity: z
    .strictObject({ minCut: z.number().min(0).max(1), maxMonths: z.int().min(1).max(120) })
    .optional(),
});
export type RiskInput = z.input<typeof RiskInput>;

export interface RiskResult {
  samples: number;
  seed: number;
  /** Shortfall over the horizon, in the baseline's unit. */
  mean: number;
  p50: number;
  p95: number;
  /** Mean shortfall of the worst 5 % of samples (expected shortfall / CVaR beyond P95). */
  expectedShortfall: number;
  /** Share of samples with any shortfall. */
  probabilityOfShortfall: number;
  /** Who causes the tail: each supplier's share of the lost supply in the worst 5 % of samples. */
  drivers: { supplier: string; share: number; annualProbability: number }[];
}

/**
 * Monte Carlo over random export disruptions: in each sample every supplier may be disrupted (probability from
 * its governance, see `disruptionProbability`) for a random share and duration starting in a random month; the
 * sample is then simulated like `simulateDisruption`. Seeded: the same input gives the same result everywhere.
 * @example simulateRisk({ baseline, wgi: { CHN: 5.67, AUS: 2.02 }, samples: 10_000, seed: 7 }).p95
 */
export function simulateRisk(rawInput: RiskInput): RiskResult {
  const input = RiskInput.parse(rawInput);
  const base = input.baseline;
  const n = base.suppliers.length;
  const months = base.months;
  const minCut = input.severity?.minCut ?? 0.25;
  const maxMonths = input.severity?.maxMonths ?? 6;
  const probabilities = base.suppliers.map((s) =>
    disruptionProbability(input.wgi[s.id] ?? 10, input.probability),
  );
  // The annual probability spread over the horizon: P(at least one disruption in `months`).
  const pHorizon = probabilities.map((p) => 1 - (1 - p) ** (months / 12));
  if (probabilities.some((p) => !Number.isFinite(p)))
    throw new InvalidSupplyError('invalid disruption probability');

  const baseline = prepareBaseline(base);
  const plan = emptyPlan(n, months);
  const scratch = new Float64Array(n * 2);
  const rng = createRng(input.seed);
  const shortfalls = new Float64Array(input.samples);
  const lostBySample = new Float64Array(input.samples * n);

  for (let s = 0; s < input.samples; s++) {
    plan.cut.fill(0);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (rng.next() >= (pHorizon[i] ?? 0)) continue;
      const fraction = minCut + (1 - minCut) * rng.next();
      const start = Math.floor(rng.next() * months);
      const duration = 1 + Math.floor(rng.next() * maxMonths);
      const end = Math.min(months, start + duration);
      for (let m = start; m < end; m++) plan.cut[i * months + m] = fraction;
      lostBySample[s * n + i] = (baseline.supply[i] ?? 0) * fraction * (end - start);
      any = true;
    }
    shortfalls[s] = any ? runPlan(baseline, plan, null, null, scratch) : 0;
  }
  return summarise(
    input,
    base.suppliers.map((x) => x.id),
    probabilities,
    shortfalls,
    lostBySample,
  );
}

function summarise(
  input: z.output<typeof RiskInput>,
  ids: string[],
  probabilities: number[],
  shortfalls: Float64Array,
  lostBySample: Float64Array,
): RiskResult {
  const n = ids.length;
  const count = shortfalls.length;
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => (shortfalls[a] ?? 0) - (shortfalls[b] ?? 0),
  );
  const at = (q: number) => shortfalls[order[Math.min(count - 1, Math.floor(q * count))] ?? 0] ?? 0;
  let sum = 0;
  let withShortfall = 0;
  for (const v of shortfalls) {
    sum += v;
    if (v > 0) withShortfall++;
  }
  const tailStart = Math.min(count - 1, Math.floor(0.95 * count));
  let tailSum = 0;
  const lostInTail = new Float64Array(n);
  for (let k = tailStart; k < count; k++) {
    const s = order[k] ?? 0;
    tailSum += shortfalls[s] ?? 0;
    if ((shortfalls[s] ?? 0) > 0)
      for (let i = 0; i < n; i++) lostInTail[i] = (lostInTail[i] ?? 0) + (lostBySample[s * n + i] ?? 0);
  }
  const lostTotal = lostInTail.reduce((a, b) => a + b, 0);
  return {
    samples: count,
    seed: input.seed,
    mean: sum / count,
    p50: at(0.5),
    p95: at(0.95),
    expectedShortfall: tailSum / (count - tailStart),
    probabilityOfShortfall: withShortfall / count,
    drivers: ids
      .map((supplier, i) => ({
        supplier,
        share: lostTotal > 0 ? (lostInTail[i] ?? 0) / lostTotal : 0,
        annualProbability: probabilities[i] ?? 0,
      }))
      .sort((a, b) => b.share - a.share),
  };
}
