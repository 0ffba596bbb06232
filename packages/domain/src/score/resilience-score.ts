import { z } from 'zod';
import { Material } from '../entities/element.ts';
import { Year } from '../entities/production.ts';
import { Stage } from '../entities/stage.ts';
import { importReliance } from '../indicators/import-reliance.ts';
import {
  COMPONENT_INFO,
  ComponentId,
  DEFAULT_WEIGHTS,
  FULL_STOCKPILE_DAYS,
  MAX_UNSCORED_GOVERNANCE_SHARE,
  METHOD_VERSION,
  MIN_COVERAGE,
} from './method.ts';

const Fraction = z.number().finite().min(0).max(1);
const SupplyRecord = z.record(z.string().regex(/^[A-Z]{3}$/), z.number().finite().nonnegative());

/** Everything the score needs for one consumer × material × stage × year. Quantities share one unit. */
export const ResilienceInput = z.strictObject({
  /** The consumer: an ISO3 country code (e.g. JPN) or a company id. */
  consumer: z.string().min(2).max(100),
  material: Material,
  stage: Stage,
  year: Year,
  /** The consumer's imports by exporting country. */
  imports: SupplyRecord,
  /** The consumer's own output at this stage. */
  domesticProduction: z.number().finite().nonnegative().default(0),
  /** The consumer's exports at this stage (for import reliance). */
  exports: z.number().finite().nonnegative().default(0),
  /** Governance, EU 0–10 scale (10 = worst), by country. */
  wgi: z.record(z.string(), z.number().finite().min(0).max(10)),
  /** Countries with export controls in force on this material; omit when unknown. */
  exportRestricting: z.array(z.string()).optional(),
  /** Countries with supply agreements with the consumer; omit when unknown. */
  partners: z.array(z.string()).optional(),
  /** End-of-life recycling input rate, 0–1; omit when unknown. */
  recyclingShare: Fraction.optional(),
  /** Substitution index SI_SR, 0–1 (1 = no substitute); omit when unknown. */
  substitutionIndex: Fraction.optional(),
  /** Stockpile in days of consumption; omit when unknown. */
  stockpileDays: z.number().finite().nonnegative().optional(),
  /** Overrides of the default weights. */
  weights: z.partialRecord(ComponentId, z.number().finite().nonnegative()).optional(),
});
export type ResilienceInput = z.input<typeof ResilienceInput>;

export type InputValue = number | string | boolean | string[] | Record<string, number> | null;

export interface ScoreComponent {
  id: ComponentId;
  label: string;
  /** The data the component was computed from. */
  inputs: Record<string, InputValue>;
  /** Normalised risk, 0 (no risk) to 1 (worst). */
  risk: number;
  /** The weight after renormalising over the components with data (they sum to 1). */
  weight: number;
  /** Points this component adds to the score: 100 × weight × (1 − risk). The points sum to the score. */
  points: number;
  /** The most it could add: 100 × weight. */
  maxPoints: number;
}

export interface MissingComponent {
  id: ComponentId;
  reason: string;
}

interface ScoreHeader {
  methodVersion: string;
  consumer: string;
  material: string;
  stage: string;
  year: number;
  /** Share of the total weight whose data was available, 0–1. */
  coverage: number;
  components: ScoreComponent[];
  missing: MissingComponent[];
}

export type ResilienceScore =
  | (ScoreHeader & { status: 'ok'; score: number })
  | (ScoreHeader & { status: 'insufficient-data'; score: null; reason: string });

type Computed = { risk: number; inputs: Record<string, InputValue> } | { missing: string };

function supplyOf(input: ResilienceInput): { supply: Map<string, number>; total: number; domestic: number } {
  const supply = new Map<string, number>();
  let total = 0;
  for (const [country, q] of Object.entries(input.imports)) {
    if (!Number.isFinite(q) || q < 0)
      throw new RangeError(`imports from ${country} must be a finite number ≥ 0`);
    if (country === input.consumer || q === 0) continue;
    supply.set(country, q);
    total += q;
  }
  const domestic = input.domesticProduction ?? 0;
  total += domestic;
  return { supply, total, domestic };
}

/**
 * Scores how resilient a consumer's supply of one material at one stage is in one year: 0–100, 100 = most
 * resilient. Each component turns data into a risk from 0 to 1; the score is 100 × Σ weight × (1 − risk) over the
 * components with data, weights renormalised to sum to 1. With too little data (coverage below 60 %, or no
 * supply at all) it returns `insufficient-data` and what is missing instead of a number.
 * Validate untrusted input with `ResilienceInput.parse` first; this function trusts its types for speed.
 * @example
 * resilienceScore({ consumer: 'JPN', material: 'Dy', stage: 'separation', year: 2024,
 *   imports: { CHN: 90, MYS: 10 }, wgi: { CHN: 5.67, MYS: 4.14 }, exportRestricting: ['CHN'], partners: ['MYS'],
 *   recyclingShare: 0.01, substitutionIndex: 0.9, stockpileDays: 60 }).score // ≈ 24
 */
export function resilienceScore(input: ResilienceInput): ResilienceScore {
  const weights = { ...DEFAULT_WEIGHTS, ...input.weights };
  const { supply, total, domestic } = supplyOf(input);
  const computed = {} as Record<ComponentId, Computed>;
  if (total <= 0) {
    for (const id of ComponentId.options) computed[id] = { missing: 'no supply data' };
  } else {
    computeComponents(input, supply, total, domestic, computed);
  }
  return assemble(
    input,
    weights,
    computed,
    total <= 0 ? 'no supply data for this consumer, material, stage and year' : null,
  );
}

function computeComponents(
  input: ResilienceInput,
  supply: Map<string, number>,
  total: number,
  domestic: number,
  out: Record<ComponentId, Computed>,
): void {
  const importsTotal = total - domestic;
  const domesticShare = domestic / total;
  let hhi = domesticShare * domesticShare;
  let hhiWgi = 0;
  let unscored = 0;
  const unscoredCountries: string[] = [];
  let largest = 0;
  let largestCountry: string | null = null;
  for (const [country, q] of supply) {
    const s = q / total;
    hhi += s * s;
    if (s > largest) {
      largest = s;
      largestCountry = country;
    }
    const g = input.wgi[country];
    if (g === undefined) {
      unscored += s;
      unscoredCountries.push(country);
      hhiWgi += s * s * 10;
    } else hhiWgi += s * s * g;
  }
  const shares = Object.fromEntries([...supply].map(([c, q]) => [c, q / total]));
  if (domestic > 0) shares[input.consumer] = domesticShare;

  out.supplierConcentration = { risk: hhi, inputs: { hhi: hhi * 10_000, shares } };
  out.governanceConcentration =
    unscored > MAX_UNSCORED_GOVERNANCE_SHARE
      ? {
          missing: `no governance score for ${unscoredCountries.join(', ')} (${(unscored * 100).toFixed(1)} % of supply)`,
        }
      : { risk: Math.min(1, hhiWgi / 10), inputs: { hhiWgi, unscoredCountries, unscoredShare: unscored } };
  out.largestSupplier = { risk: largest, inputs: { largestSupplier: largestCountry, share: largest } };

  if (input.exportRestricting === undefined)
    out.restrictedSupply = { missing: 'export restrictions not known' };
  else {
    const restricted = new Set(input.exportRestricting);
    let share = 0;
    for (const [country, q] of supply) if (restricted.has(country)) share += q / total;
    out.restrictedSupply = { risk: share, inputs: { restrictingCountries: [...restricted].sort(), share } };
  }

  if (input.partners === undefined) out.partnerSupply = { missing: 'partnerships not known' };
  else {
    const partners = new Set(input.partners);
    let share = domesticShare;
    for (const [country, q] of supply) if (partners.has(country)) share += q / total;
    out.partnerSupply = {
      risk: Math.max(0, 1 - share),
      inputs: { partners: [...partners].sort(), securedShare: share },
    };
  }

  const ir = importReliance({ production: domestic, imports: importsTotal, exports: input.exports ?? 0 });
  out.importReliance = {
    risk: ir,
    inputs: {
      imports: importsTotal,
      exports: input.exports ?? 0,
      domesticProduction: domestic,
      importReliance: ir,
    },
  };

  if (input.recyclingShare === undefined) out.recyclingAndDomestic = { missing: 'recycling share not known' };
  else {
    const secure = input.recyclingShare + (1 - input.recyclingShare) * domesticShare;
    out.recyclingAndDomestic = {
      risk: Math.max(0, 1 - secure),
      inputs: { recyclingShare: input.recyclingShare, domesticShare },
    };
  }

  out.substitutability =
    input.substitutionIndex === undefined
      ? { missing: 'substitution index not known' }
      : { risk: input.substitutionIndex, inputs: { substitutionIndex: input.substitutionIndex } };

  out.stockpileCover =
    input.stockpileDays === undefined
      ? { missing: 'stockpile not known' }
      : {
          risk: Math.max(0, 1 - input.stockpileDays / FULL_STOCKPILE_DAYS),
          inputs: { stockpileDays: input.stockpileDays, fullCoverDays: FULL_STOCKPILE_DAYS },
        };
}

function assemble(
  input: ResilienceInput,
  weights: Record<ComponentId, number>,
  computed: Record<ComponentId, Computed>,
  noSupplyReason: string | null,
): ResilienceScore {
  let totalWeight = 0;
  let presentWeight = 0;
  for (const id of ComponentId.options) {
    totalWeight += weights[id];
    if (!('missing' in computed[id])) presentWeight += weights[id];
  }
  if (totalWeight <= 0) throw new RangeError('at least one weight must be positive');
  const coverage = presentWeight / totalWeight;
  const components: ScoreComponent[] = [];
  const missing: MissingComponent[] = [];
  let score = 0;
  for (const id of ComponentId.options) {
    const c = computed[id];
    if ('missing' in c) {
      missing.push({ id, reason: c.missing });
      continue;
    }
    const weight = presentWeight > 0 ? weights[id] / presentWeight : 0;
    const points = 100 * weight * (1 - c.risk);
    score += points;
    components.push({
      id,
      label: COMPONENT_INFO[id].label,
      inputs: c.inputs,
      risk: c.risk,
      weight,
      points,
      maxPoints: 100 * weight,
    });
  }
  const header = {
    methodVersion: METHOD_VERSION,
    consumer: input.consumer,
    material: input.material,
    stage: input.stage,
    year: input.year,
    coverage,
    components,
    missing,
  };
  if (noSupplyReason) return { ...header, status: 'insufficient-data', score: null, reason: noSupplyReason };
  if (coverage < MIN_COVERAGE) {
    return {
      ...header,
      status: 'insufficient-data',
      score: null,
      reason: `only ${(coverage * 100).toFixed(0)} % of the method's weight has data (at least ${MIN_COVERAGE * 100} % is needed)`,
    };
  }
  return { ...header, status: 'ok', score };
}
