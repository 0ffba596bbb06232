import { z } from 'zod';
import { InvalidSupplyError } from '../errors.ts';
import {
  applyShock,
  type Baseline,
  DisruptionBaseline,
  emptyPlan,
  prepareBaseline,
  runPlan,
  type Shock,
  ShockList,
  type ShockPlan,
} from './disruption.ts';
import { SCENARIO_LIMITS, tooMany } from './limits.ts';
import { createRng } from './rng.ts';

/**
 * Monte Carlo samples, within the limits every simulation schema shares.
 * @example Samples.safeParse(200_000).success // false: "run at most 20,000 samples"
 */
export const Samples = z
  .int()
  .min(SCENARIO_LIMITS.minSamples, `run at least ${SCENARIO_LIMITS.minSamples} samples`)
  .max(SCENARIO_LIMITS.maxSamples, `run ${tooMany('samples', SCENARIO_LIMITS.maxSamples)}`);

/**
 * Governance (EU 0–10 scale) by supplier id, for a bounded number of countries.
 * @example GovernanceBySupplier.parse({ CHN: 5.67, AUS: 2.02 })
 */
export const GovernanceBySupplier = z
  .record(z.string().min(1).max(SCENARIO_LIMITS.idLength), z.number().finite().min(0).max(10))
  .refine((wgi) => Object.keys(wgi).length <= SCENARIO_LIMITS.governanceEntries, {
    message: `governance is given for ${tooMany('countries', SCENARIO_LIMITS.governanceEntries)}`,
  });

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

/** How far each sample may stray from a scenario's shocks: depth and duration × a uniform factor in [1 − x, 1 + x]. */
export const ShockUncertainty = z.strictObject({
  depth: z.number().min(0).max(1).default(0.5),
  duration: z.number().min(0).max(1).default(0.5),
});

export const RiskInput = z.strictObject({
  baseline: DisruptionBaseline,
  /**
   * The scenario's own shocks. Every sample applies each of them with its depth (cut, lost output, surge) and its
   * duration drawn around the values given (see `uncertainty`), on top of the background disruptions.
   */
  shocks: ShockList,
  uncertainty: ShockUncertainty.default({ depth: 0.5, duration: 0.5 }),
  /** Governance by supplier id; a supplier without one is treated as worst governed (10). */
  wgi: GovernanceBySupplier,
  samples: Samples.default(10_000),
  seed: z.int().min(0).max(0xffffffff).default(1),
  probability: z.strictObject({ min: z.number().min(0).max(1), max: z.number().min(0).max(1) }).optional(),
  /** A disruption withholds a uniform fraction in [minCut, 1] for 1 to maxMonths months. */
  severity: z
    .strictObject({ minCut: z.number().min(0).max(1), maxMonths: z.int().min(1).max(SCENARIO_LIMITS.months) })
    .optional(),
});
export type RiskInput = z.input<typeof RiskInput>;

/** What the Monte Carlo draws, in words a results panel can show. */
export const RiskSampling = z.object({
  /** The scenario's shocks, each applied in every sample with a drawn depth and duration. */
  shocks: z.int(),
  /** Depth factor range: a shock's fraction (or lost output, or surge) × U(low, high), capped at 100 %. */
  depth: z.tuple([z.number(), z.number()]),
  /** Duration factor range: a shock's months × U(low, high), rounded, at least one month. */
  duration: z.tuple([z.number(), z.number()]),
  /** Background disruptions: each supplier, with an annual probability from its governance. */
  background: z.object({ minCut: z.number(), maxMonths: z.number() }),
});
export type RiskSampling = z.infer<typeof RiskSampling>;

/** What `simulateRisk` returns; also what a saved scenario's stored result is checked against. */
export const RiskResult = z.object({
  samples: z.int(),
  seed: z.int(),
  sampling: RiskSampling,
  /** Shortfall over the horizon, in the baseline's unit. */
  mean: z.number(),
  p50: z.number(),
  p95: z.number(),
  /** Mean shortfall of the worst 5 % of samples (expected shortfall / CVaR beyond P95). */
  expectedShortfall: z.number(),
  /** Share of samples with any shortfall. */
  probabilityOfShortfall: z.number(),
  /** Who causes the tail: each supplier's share of the lost supply in the worst 5 % of samples. */
  drivers: z.array(z.object({ supplier: z.string(), share: z.number(), annualProbability: z.number() })),
});
export type RiskResult = z.infer<typeof RiskResult>;

/**
 * Monte Carlo around a scenario: in each sample the scenario's shocks happen with a depth and a duration drawn
 * around the values given (nobody knows how deep or how long a cut will be), and on top of them every supplier
 * may be disrupted at random (probability from its governance, see `disruptionProbability`) for a random share
 * and duration starting in a random month; the sample is then simulated like `simulateDisruption`. With no shocks
 * it is the baseline's background risk. Seeded: the same input gives the same result everywhere.
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

  const index = new Map(base.suppliers.map((x, i) => [x.id, i]));
  const { depth, duration: durationSpread } = input.uncertainty;
  for (let s = 0; s < input.samples; s++) {
    plan.cut.fill(0);
    plan.lost.fill(0);
    plan.surge.fill(0);
    let any = false;
    for (const shock of input.shocks) {
      const d = 1 - depth + 2 * depth * rng.next();
      const months = Math.max(
        1,
        Math.round(shock.months * (1 - durationSpread + 2 * durationSpread * rng.next())),
      );
      applyShock(plan, drawnShock(shock, d, months), index);
      any = true;
    }
    if (input.shocks.length > 0) recordLost(baseline, plan, lostBySample, s);
    for (let i = 0; i < n; i++) {
      if (rng.next() >= (pHorizon[i] ?? 0)) continue;
      const fraction = minCut + (1 - minCut) * rng.next();
      const start = Math.floor(rng.next() * months);
      const duration = 1 + Math.floor(rng.next() * maxMonths);
      const end = Math.min(months, start + duration);
      for (let m = start; m < end; m++) {
        const k = i * months + m;
        const before = plan.cut[k] ?? 0;
        plan.cut[k] = 1 - (1 - before) * (1 - fraction);
        lostBySample[s * n + i] =
          (lostBySample[s * n + i] ?? 0) + (baseline.supply[i] ?? 0) * (plan.cut[k] - before);
      }
      any = true;
    }
    shortfalls[s] = any ? runPlan(baseline, plan, null, null, scratch) : 0;
  }
  const sampling: RiskSampling = {
    shocks: input.shocks.length,
    depth: [1 - depth, 1 + depth],
    duration: [1 - durationSpread, 1 + durationSpread],
    background: { minCut, maxMonths },
  };
  return summarise(
    input,
    sampling,
    base.suppliers.map((x) => x.id),
    probabilities,
    shortfalls,
    lostBySample,
  );
}

/** A scenario shock as one sample draws it: depth × `d` (a cut at most 100 %), lasting `months`. */
function drawnShock(shock: Shock, d: number, months: number): Shock {
  switch (shock.kind) {
    case 'exportCut':
      return { ...shock, fraction: Math.min(1, shock.fraction * d), months };
    case 'facilityOutage':
      return { ...shock, lostPerYear: shock.lostPerYear * d, months };
    case 'demandSurge':
      return { ...shock, fraction: Math.min(5, shock.fraction * d), months };
  }
}

/** Each supplier's supply lost in sample `s` to the plan's cuts and outages so far (for the drivers). */
function recordLost(baseline: Baseline, plan: ShockPlan, lostBySample: Float64Array, s: number): void {
  const n = baseline.supply.length;
  for (let i = 0; i < n; i++) {
    let lost = 0;
    for (let m = 0; m < plan.months; m++) {
      const k = i * plan.months + m;
      lost += Math.min(
        baseline.supply[i] ?? 0,
        (baseline.supply[i] ?? 0) * (plan.cut[k] ?? 0) + (plan.lost[k] ?? 0),
      );
    }
    lostBySample[s * n + i] = lost;
  }
}

function summarise(
  input: z.output<typeof RiskInput>,
  sampling: RiskSampling,
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
    sampling,
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
