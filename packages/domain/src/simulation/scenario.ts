import { z } from 'zod';
import { Material } from '../entities/element.ts';
import { Stage } from '../entities/stage.ts';
import { ResilienceInput } from '../score/resilience-score.ts';
import {
  checkShockSuppliers,
  checkUniqueSuppliers,
  DisruptionBaseline,
  DisruptionResult,
  type Shock,
  ShockList,
  simulateDisruption,
} from './disruption.ts';
import { GovernanceBySupplier, RiskResult, Samples, simulateRisk } from './risk.ts';

/**
 * Everything a disruption scenario needs, as analysts build it: whose supply, the baseline, the shocks, and the
 * Monte Carlo settings. Runs the same in the browser and on the server (same code, same seed, same numbers).
 */
export const ScenarioInput = z
  .strictObject({
    consumer: z.string().min(2).max(100),
    material: Material,
    stage: Stage,
    baseline: DisruptionBaseline,
    shocks: ShockList,
    /** Governance by supplier (EU 0–10 scale) for the Monte Carlo's disruption probabilities. */
    wgi: GovernanceBySupplier.default({}),
    monteCarlo: z
      .strictObject({
        samples: Samples.default(10_000),
        seed: z.int().min(0).max(0xffffffff).default(1),
      })
      .default({ samples: 10_000, seed: 1 }),
    /** When given, the result has the resilience score before and after the shocks. */
    scoreInput: ResilienceInput.optional(),
  })
  .superRefine((input, ctx) => {
    checkUniqueSuppliers(input.baseline.suppliers, ctx, ['baseline']);
    checkShockSuppliers(input.baseline.suppliers, input.shocks, ctx, []);
  });
export type ScenarioInput = z.input<typeof ScenarioInput>;

/** What `runScenario` returns: the month-by-month run of the shocks and the Monte Carlo around them. */
export const ScenarioResult = z.object({ deterministic: DisruptionResult, risk: RiskResult });
export type ScenarioResult = z.infer<typeof ScenarioResult>;

/**
 * Runs a scenario: the month-by-month simulation of its shocks, and Monte Carlo around them (their depth and
 * duration drawn around the values given, plus random background disruptions of the same baseline). Deterministic for a given input (the seed is part of it).
 * @example runScenario({ consumer: 'JPN', material: 'NdPr', stage: 'separation', baseline, shocks }).deterministic.totals.shortfall
 */
export function runScenario(raw: ScenarioInput): ScenarioResult {
  const input = ScenarioInput.parse(raw);
  const deterministic = simulateDisruption({
    ...input.baseline,
    shocks: input.shocks,
    ...(input.scoreInput ? { scoreInput: input.scoreInput } : {}),
  });
  const risk = simulateRisk({
    baseline: input.baseline,
    shocks: input.shocks,
    wgi: input.wgi,
    samples: input.monteCarlo.samples,
    seed: input.monteCarlo.seed,
  });
  return { deterministic, risk };
}

/**
 * The materials the scenario lab offers to start from: the magnet mix, the two heavy rare earths a Chinese cut
 * hits hardest, the EU groups and all rare earths together. Stages are the primary chain, `CHAIN_STAGES`.
 * @example SCENARIO_MATERIALS.includes('Dy') // true
 */
export const SCENARIO_MATERIALS = [
  'NdPr',
  'Dy',
  'Tb',
  'LREE',
  'HREE',
  'REE',
] as const satisfies readonly Material[];

/** The real cases, ready to add to a scenario (months count from the scenario's first month). */
export const SHOCK_PRESETS = {
  /** China's unannounced halt of rare-earth exports to Japan after the Senkaku incident (about two months). */
  embargo2010: (): Shock => ({ kind: 'exportCut', supplier: 'CHN', fraction: 1, startMonth: 0, months: 2 }),
  /**
   * China's April 2025 export licensing of Sm, Gd, Tb, Dy, Lu, Sc and Y: modelled as half of Chinese supply held
   * up for six months (an assumption; edit the fraction and duration).
   */
  licensing2025: (): Shock => ({
    kind: 'exportCut',
    supplier: 'CHN',
    fraction: 0.5,
    startMonth: 0,
    months: 6,
  }),
} as const;
