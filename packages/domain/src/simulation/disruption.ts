import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { ResilienceInput, ResilienceScore, resilienceScore } from '../score/resilience-score.ts';
import { SCENARIO_LIMITS, tooMany } from './limits.ts';

const { months: MAX_MONTHS, idLength: MAX_ID } = SCENARIO_LIMITS;
const Months = z
  .int()
  .min(1, 'a shock lasts at least one month')
  .max(MAX_MONTHS, `a shock lasts ${tooMany('months', MAX_MONTHS)}`);
const StartMonth = z
  .int()
  .min(0, 'months count from 0')
  .max(MAX_MONTHS - 1, `a shock starts by month ${MAX_MONTHS - 1} (months count from 0)`);
/** A supplier (country) or facility id. */
const Id = z
  .string()
  .min(1)
  .max(MAX_ID, `an id has ${tooMany('characters', MAX_ID)}`);

/** A disruption to apply to the baseline. Months count from 0 (the first simulated month). */
export const Shock = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('exportCut'),
    /** The supplier (country) whose exports to the consumer are cut. */
    supplier: Id,
    /** 0.25 = a quarter of its supply and spare capacity is withheld; 1 = a full embargo. */
    fraction: z.number().finite().min(0).max(1, 'a cut is at most 100 %'),
    startMonth: StartMonth,
    months: Months,
  }),
  z.strictObject({
    kind: z.literal('facilityOutage'),
    facility: Id,
    /** The supplier the facility belongs to: its deliveries fall by the facility's lost output. */
    supplier: Id,
    lostPerYear: z.number().finite().nonnegative(),
    startMonth: StartMonth,
    months: Months,
  }),
  z.strictObject({
    kind: z.literal('demandSurge'),
    /** 0.2 = demand 20 % above the baseline. */
    fraction: z.number().finite().min(0).max(5),
    startMonth: StartMonth,
    months: Months,
  }),
]);
export type Shock = z.infer<typeof Shock>;

/**
 * The shocks of one scenario (none by default), at most `SCENARIO_LIMITS.shocks`.
 * @example ShockList.parse([{ kind: 'demandSurge', fraction: 0.2, startMonth: 0, months: 6 }])
 */
export const ShockList = z
  .array(Shock)
  .max(SCENARIO_LIMITS.shocks, `a scenario has ${tooMany('shocks', SCENARIO_LIMITS.shocks)}`)
  .default([]);

export const SupplierBaseline = z.strictObject({
  id: Id,
  /** What it supplies the consumer in a normal year. */
  supplyPerYear: z.number().finite().nonnegative(),
  /** How much more it could supply in a year if asked. */
  spareCapacityPerYear: z.number().finite().nonnegative().default(0),
  /** A partner with a supply agreement: served first when `partnersFirst` is set. */
  partner: z.boolean().default(false),
});
export type SupplierBaseline = z.input<typeof SupplierBaseline>;

/** Adds an issue when two suppliers share an id. */
export function checkUniqueSuppliers(
  suppliers: readonly { id: string }[],
  ctx: z.RefinementCtx,
  basePath: (string | number)[],
): void {
  const ids = new Set(suppliers.map((s) => s.id));
  if (ids.size !== suppliers.length) {
    ctx.addIssue({
      code: 'custom',
      message: 'supplier ids must be unique',
      path: [...basePath, 'suppliers'],
    });
  }
}

/** Adds an issue for every shock that names a supplier the baseline does not have. */
export function checkShockSuppliers(
  suppliers: readonly { id: string }[],
  shocks: readonly Shock[],
  ctx: z.RefinementCtx,
  basePath: (string | number)[],
): void {
  const ids = new Set(suppliers.map((s) => s.id));
  shocks.forEach((shock, i) => {
    if (shock.kind !== 'demandSurge' && !ids.has(shock.supplier)) {
      ctx.addIssue({
        code: 'custom',
        message: `the shock names supplier "${shock.supplier}", which is not in the baseline`,
        path: [...basePath, 'shocks', i, 'supplier'],
      });
    }
  });
}

/** The consumer's normal situation: who supplies how much, demand, stockpile. */
export const DisruptionBaseline = z.strictObject({
  suppliers: z
    .array(SupplierBaseline)
    .min(1, 'at least one supplier is needed')
    .max(
      SCENARIO_LIMITS.suppliers,
      `a baseline has ${tooMany('suppliers', SCENARIO_LIMITS.suppliers)} (fold the smallest into one)`,
    ),
  /** Consumption in a normal year, in the suppliers' unit. */
  demandPerYear: z.number().finite().positive(),
  stockpileDays: z.number().finite().nonnegative().default(0),
  /** Fill lost supply from partners' spare capacity before anyone else's. */
  partnersFirst: z.boolean().default(false),
  /** How many months to simulate. */
  months: z
    .int()
    .min(1, 'simulate at least one month')
    .max(MAX_MONTHS, `simulate ${tooMany('months', MAX_MONTHS)}`)
    .default(12),
});
export type DisruptionBaseline = z.input<typeof DisruptionBaseline>;

export const DisruptionInput = DisruptionBaseline.extend({
  shocks: ShockList,
  /** When given, the result includes the score before and after the shock. */
  scoreInput: ResilienceInput.optional(),
}).superRefine((input, ctx) => {
  checkUniqueSuppliers(input.suppliers, ctx, []);
  checkShockSuppliers(input.suppliers, input.shocks, ctx, []);
});
export type DisruptionInput = z.input<typeof DisruptionInput>;

/** One month of a simulated disruption, in the baseline's unit. */
export const MonthResult = z.object({
  month: z.int(),
  demand: z.number(),
  /** Delivered by suppliers (baseline plus re-sourced from spare capacity). */
  supplied: z.number(),
  fromStockpile: z.number(),
  shortfall: z.number(),
  stockpileLeft: z.number(),
});
export type MonthResult = z.infer<typeof MonthResult>;

/** What `simulateDisruption` returns; also what a saved scenario's stored result is checked against. */
export const DisruptionResult = z.object({
  series: z.array(MonthResult),
  totals: z.object({
    demand: z.number(),
    supplied: z.number(),
    fromStockpile: z.number(),
    shortfall: z.number(),
  }),
  /** Delivered over the horizon by supplier. */
  bySupplier: z.record(z.string(), z.number()),
  /** Initial stockpile ÷ the largest monthly gap; null when supply never fell short. */
  monthsOfCover: z.number().nullable(),
  /** The first month with an unmet need, or null. */
  firstShortfallMonth: z.int().nullable(),
  scoreBefore: ResilienceScore.nullable(),
  scoreAfter: ResilienceScore.nullable(),
});
export type DisruptionResult = z.infer<typeof DisruptionResult>;

export class UnknownSupplierError extends DomainError {
  override name = 'UnknownSupplierError';
}

const DAYS_PER_YEAR = 365;

/** The plan a simulation runs: per supplier and month, the share withheld and the output lost. */
export interface ShockPlan {
  months: number;
  /** cut[i * months + m]: fraction of supplier i's supply and spare withheld in month m. */
  cut: Float64Array;
  /** lost[i * months + m]: output lost (per month) to facility outages. */
  lost: Float64Array;
  /** surge[m]: extra demand as a fraction of the baseline. */
  surge: Float64Array;
}

export function emptyPlan(suppliers: number, months: number): ShockPlan {
  return {
    months,
    cut: new Float64Array(suppliers * months),
    lost: new Float64Array(suppliers * months),
    surge: new Float64Array(months),
  };
}

/** Adds a shock to a plan. Several cuts on one supplier combine as 1 − Π(1 − fᵢ). */
export function applyShock(plan: ShockPlan, shock: Shock, supplierIndex: ReadonlyMap<string, number>): void {
  const end = Math.min(plan.months, shock.startMonth + shock.months);
  if (shock.kind === 'demandSurge') {
    for (let m = shock.startMonth; m < end; m++) plan.surge[m] = (plan.surge[m] ?? 0) + shock.fraction;
    return;
  }
  const i = supplierIndex.get(shock.supplier);
  if (i === undefined)
    throw new UnknownSupplierError(
      `the shock names supplier "${shock.supplier}", which is not in the baseline`,
    );
  for (let m = shock.startMonth; m < end; m++) {
    const k = i * plan.months + m;
    if (shock.kind === 'exportCut') plan.cut[k] = 1 - (1 - (plan.cut[k] ?? 0)) * (1 - shock.fraction);
    else plan.lost[k] = (plan.lost[k] ?? 0) + shock.lostPerYear / 12;
  }
}

/** Baseline numbers as flat arrays, prepared once and reused by every Monte Carlo sample. */
export interface Baseline {
  supply: Float64Array; // per month
  spare: Float64Array; // per month
  partner: Uint8Array;
  demand: number; // per month
  stock: number; // initial, in the same unit
  partnersFirst: boolean;
}

export function prepareBaseline(input: z.output<typeof DisruptionBaseline>): Baseline {
  const n = input.suppliers.length;
  const baseline: Baseline = {
    supply: new Float64Array(n),
    spare: new Float64Array(n),
    partner: new Uint8Array(n),
    demand: input.demandPerYear / 12,
    stock: (input.stockpileDays * input.demandPerYear) / DAYS_PER_YEAR,
    partnersFirst: input.partnersFirst,
  };
  input.suppliers.forEach((s, i) => {
    baseline.supply[i] = s.supplyPerYear / 12;
    baseline.spare[i] = s.spareCapacityPerYear / 12;
    baseline.partner[i] = s.partner ? 1 : 0;
  });
  return baseline;
}

/**
 * The simulation kernel: runs one plan month by month. Writes per-month figures into `out` when given (for the
 * series) and per-supplier deliveries into `delivered`; returns the total shortfall. Allocation-free, so Monte
 * Carlo can call it hundreds of thousands of times.
 */
export function runPlan(
  b: Baseline,
  plan: ShockPlan,
  out: MonthResult[] | null,
  delivered: Float64Array | null,
  scratch: Float64Array,
): number {
  const n = b.supply.length;
  const months = plan.months;
  let stock = b.stock;
  let totalShortfall = 0;
  for (let m = 0; m < months; m++) {
    const demand = b.demand * (1 + (plan.surge[m] ?? 0));
    let base = 0;
    let sparePartners = 0;
    let spareOthers = 0;
    for (let i = 0; i < n; i++) {
      const k = i * months + m;
      const keep = 1 - (plan.cut[k] ?? 0);
      const d = Math.max(0, (b.supply[i] ?? 0) * keep - (plan.lost[k] ?? 0));
      scratch[i] = d;
      base += d;
      const spare = (b.spare[i] ?? 0) * keep;
      scratch[n + i] = spare;
      if (b.partnersFirst && b.partner[i]) sparePartners += spare;
      else spareOthers += spare;
    }
    // Re-source the gap from spare capacity: partners' first when asked, each pool in proportion to capacity.
    let need = Math.max(0, demand - base);
    const fromPartners = b.partnersFirst ? Math.min(need, sparePartners) : 0;
    need -= fromPartners;
    const fromOthers = Math.min(need, spareOthers);
    const partnerRate = sparePartners > 0 ? fromPartners / sparePartners : 0;
    const otherRate = spareOthers > 0 ? fromOthers / spareOthers : 0;
    const supplied = Math.min(demand, base + fromPartners + fromOthers);
    if (delivered) {
      // Deliveries above demand are not taken: scale each supplier down in proportion.
      const taken = base + fromPartners + fromOthers;
      const scale = taken > 0 ? supplied / taken : 0;
      for (let i = 0; i < n; i++) {
        const rate = b.partnersFirst && b.partner[i] ? partnerRate : otherRate;
        delivered[i] = (delivered[i] ?? 0) + ((scratch[i] ?? 0) + (scratch[n + i] ?? 0) * rate) * scale;
      }
    }
    const gap = demand - supplied;
    const fromStockpile = Math.min(gap, stock);
    stock -= fromStockpile;
    const shortfall = gap - fromStockpile;
    totalShortfall += shortfall;
    out?.push({ month: m, demand, supplied, fromStockpile, shortfall, stockpileLeft: stock });
  }
  return totalShortfall;
}

/**
 * Simulates a consumer's supply month by month under one or more shocks: lost supply is re-sourced from the
 * other suppliers' spare capacity (partners first when asked), the stockpile covers what is still missing, and
 * the rest is shortfall. Every month balances: supplied + fromStockpile + shortfall = demand.
 * @throws ZodError for impossible input (a cut over 100 %, negative months, an unknown supplier).
 * @example
 * simulateDisruption({ demandPerYear: 1200, stockpileDays: 60,
 *   suppliers: [{ id: 'CHN', supplyPerYear: 1000 }, { id: 'AUS', supplyPerYear: 200, spareCapacityPerYear: 100 }],
 *   shocks: [{ kind: 'exportCut', supplier: 'CHN', fraction: 1, startMonth: 0, months: 2 }] }).totals.shortfall
 * // 1200 · 2/12 … less what Australia's spare and the stockpile cover
 */
export function simulateDisruption(rawInput: DisruptionInput): DisruptionResult {
  const input = DisruptionInput.parse(rawInput);
  const index = new Map(input.suppliers.map((s, i) => [s.id, i]));
  const plan = emptyPlan(input.suppliers.length, input.months);
  for (const shock of input.shocks) applyShock(plan, shock, index);
  const baseline = prepareBaseline(input);
  const series: MonthResult[] = [];
  const delivered = new Float64Array(input.suppliers.length);
  runPlan(baseline, plan, series, delivered, new Float64Array(input.suppliers.length * 2));

  const totals = { demand: 0, supplied: 0, fromStockpile: 0, shortfall: 0 };
  let largestGap = 0;
  let firstShortfallMonth: number | null = null;
  for (const month of series) {
    totals.demand += month.demand;
    totals.supplied += month.supplied;
    totals.fromStockpile += month.fromStockpile;
    totals.shortfall += month.shortfall;
    largestGap = Math.max(largestGap, month.fromStockpile + month.shortfall);
    if (firstShortfallMonth === null && month.shortfall > 0) firstShortfallMonth = month.month;
  }
  const bySupplier = Object.fromEntries(input.suppliers.map((s, i) => [s.id, delivered[i] ?? 0]));
  return {
    series,
    totals,
    bySupplier,
    monthsOfCover: largestGap > 0 ? baseline.stock / largestGap : null,
    firstShortfallMonth,
    ...scoresAround(input, bySupplier, series),
  };
}

/** The score before the shock, and after it: supply as delivered over the horizon, the stockpile as left. */
function scoresAround(
  input: z.output<typeof DisruptionInput>,
  bySupplier: Record<string, number>,
  series: MonthResult[],
): Pick<DisruptionResult, 'scoreBefore' | 'scoreAfter'> {
  if (!input.scoreInput) return { scoreBefore: null, scoreAfter: null };
  const before = resilienceScore(input.scoreInput);
  const imports = { ...input.scoreInput.imports };
  for (const [supplier, quantity] of Object.entries(bySupplier)) {
    if (supplier !== input.scoreInput.consumer) imports[supplier] = (quantity * 12) / input.months;
  }
  const stockLeft = series.at(-1)?.stockpileLeft ?? 0;
  const after = resilienceScore({
    ...input.scoreInput,
    imports,
    ...(input.scoreInput.stockpileDays === undefined
      ? {}
      : { stockpileDays: (stockLeft / input.demandPerYear) * DAYS_PER_YEAR }),
  });
  return { scoreBefore: before, scoreAfter: after };
}
