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

const InputValue = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.array(z.string()),
  z.record(z.string(), z.number()),
  z.null(),
]);
export type InputValue = z.infer<typeof InputValue>;

export const ScoreComponent = z.object({
  id: ComponentId,
  label: z.string(),
  /** The data the component was computed from. */
  inputs: z.record(z.string(), InputValue),
  /** Normalised risk, 0 (no risk) to 1 (worst). */
  risk: z.number(),
  /** The weight after renormalising over the components with data (they sum to 1). */
  weight: z.number(),
  /** Points this component adds to the score: 100 × weight × (1 − risk). The points sum to the score. */
  points: z.number(),
  /** The most it could add: 100 × weight. */
  maxPoints: z.number(),
});
export type ScoreComponent = z.infer<typeof ScoreComponent>;

export const MissingComponent = z.object({ id: ComponentId, reason: z.string() });
export type MissingComponent = z.infer<typeof MissingComponent>;

const ScoreHeader = z.object({
  methodVersion: z.string(),
  consumer: z.string(),
  material: z.string(),
  stage: z.string(),
  year: z.int(),
  /** Share of the total weight whose data was available, 0–1. */
  coverage: z.number(),
  components: z.array(ScoreComponent),
  missing: z.array(MissingComponent),
});

/** A score with its breakdown, or "insufficient data" with the reason. Used to validate API answers too. */
export const ResilienceScore = z.discriminatedUnion('status', [
  ScoreHeader.extend({ status: z.literal('ok'), score: z.number() }),
  ScoreHeader.extend({ status: z.literal('insufficient-data'), score: z.null(), reason: z.string() }),
]);
export type ResilienceScore = z.infer<typeof ResilienceScore>;

/** The score without its breakdown, for scoring whole datasets. Same numbers as `resilienceScore`. */
export interface ResilienceScoreValue {
  consumer: string;
  material: string;
  stage: string;
  year: number;
  score: number | null;
  coverage: number;
}

const COMPONENT_IDS = ComponentId.options;
const NO_SUPPLY = 'no supply data for this consumer, material, stage and year';

/** The numbers every component is computed from, gathered in one pass over the suppliers. */
interface Measures {
  countries: string[];
  quantities: number[];
  total: number;
  domestic: number;
  domesticShare: number;
  hhi: number;
  hhiWgi: number;
  unscoredShare: number;
  largest: number;
  largestCountry: string | null;
}

function importsAsArrays(input: ResilienceInput): { countries: string[]; quantities: number[] } {
  const countries: string[] = [];
  const quantities: number[] = [];
  for (const country in input.imports) {
    countries.push(country);
    quantities.push(input.imports[country] as number);
  }
  return { countries, quantities };
}

/**
 * Gathers the measures from suppliers given as parallel arrays (which the bulk scorer already has). Drops the
 * consumer itself and zero quantities.
 */
function measure(input: ResilienceInput, supplierList: string[], supplied: number[]): Measures {
  const countries: string[] = [];
  const quantities: number[] = [];
  const domestic = input.domesticProduction ?? 0;
  let total = domestic;
  for (let i = 0; i < supplierList.length; i++) {
    const country = supplierList[i] as string;
    const q = supplied[i] as number;
    if (!Number.isFinite(q) || q < 0)
      throw new RangeError(`imports from ${country} must be a finite number ≥ 0`);
    if (country === input.consumer || q === 0) continue;
    countries.push(country);
    quantities.push(q);
    total += q;
  }
  const domesticShare = total > 0 ? domestic / total : 0;
  const m: Measures = {
    countries,
    quantities,
    total,
    domestic,
    domesticShare,
    hhi: domesticShare * domesticShare,
    hhiWgi: 0,
    unscoredShare: 0,
    largest: 0,
    largestCountry: null,
  };
  if (total <= 0) return m;
  for (let i = 0; i < countries.length; i++) {
    const country = countries[i] as string;
    const s = (quantities[i] as number) / total;
    m.hhi += s * s;
    if (s > m.largest) {
      m.largest = s;
      m.largestCountry = country;
    }
    const g = input.wgi[country];
    if (g === undefined) {
      m.unscoredShare += s;
      m.hhiWgi += s * s * 10; // a supplier without a governance score counts as the worst governed
    } else m.hhiWgi += s * s * g;
  }
  return m;
}

/** The summed share of the listed countries, each counted once (the consumer is never among the suppliers). */
function shareOfListed(m: Measures, listed: readonly string[]): number {
  let share = 0;
  for (let i = 0; i < m.countries.length; i++) {
    if (listed.includes(m.countries[i] as string)) share += (m.quantities[i] as number) / m.total;
  }
  return share;
}

/** Fills `risks` (in COMPONENT_IDS order) with each component's risk, NaN where its data is missing. */
function risksOf(input: ResilienceInput, m: Measures, risks: Float64Array): void {
  risks[0] = m.hhi;
  risks[1] = m.unscoredShare > MAX_UNSCORED_GOVERNANCE_SHARE ? Number.NaN : Math.min(1, m.hhiWgi / 10);
  risks[2] = m.largest;
  risks[3] = input.exportRestricting === undefined ? Number.NaN : shareOfListed(m, input.exportRestricting);
  risks[4] =
    input.partners === undefined
      ? Number.NaN
      : Math.max(0, 1 - m.domesticShare - shareOfListed(m, input.partners));
  risks[5] = importReliance({
    production: m.domestic,
    imports: m.total - m.domestic,
    exports: input.exports ?? 0,
  });
  risks[6] =
    input.recyclingShare === undefined
      ? Number.NaN
      : Math.max(0, 1 - input.recyclingShare - (1 - input.recyclingShare) * m.domesticShare);
  risks[7] = input.substitutionIndex ?? Number.NaN;
  risks[8] =
    input.stockpileDays === undefined
      ? Number.NaN
      : Math.max(0, 1 - input.stockpileDays / FULL_STOCKPILE_DAYS);
}

/** Σ weight × (1 − risk) over the components with data, weights renormalised; and the coverage. */
function combine(
  risks: Float64Array,
  weights: Readonly<Record<ComponentId, number>>,
): { score: number; coverage: number; present: number } {
  let totalWeight = 0;
  let present = 0;
  let sum = 0;
  for (let i = 0; i < COMPONENT_IDS.length; i++) {
    const w = weights[COMPONENT_IDS[i] as ComponentId];
    const risk = risks[i] as number;
    totalWeight += w;
    if (Number.isNaN(risk)) continue;
    present += w;
    sum += w * (1 - risk);
  }
  if (totalWeight <= 0) throw new RangeError('at least one weight must be positive');
  return { score: present > 0 ? (100 * sum) / present : 0, coverage: present / totalWeight, present };
}

function weightsOf(input: ResilienceInput): Readonly<Record<ComponentId, number>> {
  return input.weights ? { ...DEFAULT_WEIGHTS, ...input.weights } : DEFAULT_WEIGHTS;
}

function insufficientReason(noSupply: boolean, coverage: number): string | null {
  if (noSupply) return NO_SUPPLY;
  if (coverage < MIN_COVERAGE) {
    return `only ${(coverage * 100).toFixed(0)} % of the method's weight has data (at least ${MIN_COVERAGE * 100} % is needed)`;
  }
  return null;
}

const scratchRisks = new Float64Array(COMPONENT_IDS.length);

/**
 * The score alone, without the breakdown: the same computation as `resilienceScore`, for scoring whole datasets.
 * @example resilienceScoreValue(input).score === resilienceScore(input).score // true
 */
export function resilienceScoreValue(input: ResilienceInput): ResilienceScoreValue {
  const { countries, quantities } = importsAsArrays(input);
  return scoreValueOfSuppliers(input, countries, quantities);
}

/** `resilienceScoreValue` for suppliers given as parallel arrays; `input.imports` is ignored. Internal. */
export function scoreValueOfSuppliers(
  input: ResilienceInput,
  supplierList: string[],
  supplied: number[],
): ResilienceScoreValue {
  const m = measure(input, supplierList, supplied);
  const noSupply = m.total <= 0;
  if (noSupply) scratchRisks.fill(Number.NaN);
  else risksOf(input, m, scratchRisks);
  const { score, coverage } = combine(scratchRisks, weightsOf(input));
  return {
    consumer: input.consumer,
    material: input.material,
    stage: input.stage,
    year: input.year,
    score: insufficientReason(noSupply, coverage) === null ? score : null,
    coverage,
  };
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
 *   recyclingShare: 0.01, substitutionIndex: 0.9, stockpileDays: 60 }).score // ≈ 18.2 (see METHOD.md)
 */
export function resilienceScore(input: ResilienceInput): ResilienceScore {
  const { countries, quantities } = importsAsArrays(input);
  const m = measure(input, countries, quantities);
  const noSupply = m.total <= 0;
  const risks = new Float64Array(COMPONENT_IDS.length);
  if (noSupply) risks.fill(Number.NaN);
  else risksOf(input, m, risks);
  const weights = weightsOf(input);
  const { score, coverage, present } = combine(risks, weights);
  const components: ScoreComponent[] = [];
  const missing: MissingComponent[] = [];
  COMPONENT_IDS.forEach((id, i) => {
    const risk = risks[i] as number;
    if (Number.isNaN(risk)) {
      missing.push({ id, reason: noSupply ? 'no supply data' : missingReason(id, input, m) });
      return;
    }
    const weight = weights[id] / present;
    components.push({
      id,
      label: COMPONENT_INFO[id].label,
      inputs: componentInputs(id, input, m, risk),
      risk,
      weight,
      points: 100 * weight * (1 - risk),
      maxPoints: 100 * weight,
    });
  });
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
  const reason = insufficientReason(noSupply, coverage);
  return reason === null
    ? { ...header, status: 'ok', score }
    : { ...header, status: 'insufficient-data', score: null, reason };
}

function missingReason(id: ComponentId, input: ResilienceInput, m: Measures): string {
  switch (id) {
    case 'governanceConcentration': {
      const unscored = m.countries.filter((c) => input.wgi[c] === undefined);
      return `no governance score for ${unscored.join(', ')} (${(m.unscoredShare * 100).toFixed(1)} % of supply)`;
    }
    case 'restrictedSupply':
      return 'export restrictions not known';
    case 'partnerSupply':
      return 'partnerships not known';
    case 'recyclingAndDomestic':
      return 'recycling share not known';
    case 'substitutability':
      return 'substitution index not known';
    case 'stockpileCover':
      return 'stockpile not known';
    default:
      return 'not known';
  }
}

/** The data behind one component, as the breakdown shows it. */
function componentInputs(
  id: ComponentId,
  input: ResilienceInput,
  m: Measures,
  risk: number,
): Record<string, InputValue> {
  switch (id) {
    case 'supplierConcentration': {
      const shares: Record<string, number> = {};
      m.countries.forEach((c, i) => {
        shares[c] = (m.quantities[i] as number) / m.total;
      });
      if (m.domestic > 0) shares[input.consumer] = m.domesticShare;
      return { hhi: m.hhi * 10_000, shares };
    }
    case 'governanceConcentration':
      return {
        hhiWgi: m.hhiWgi,
        unscoredCountries: m.countries.filter((c) => input.wgi[c] === undefined),
        unscoredShare: m.unscoredShare,
      };
    case 'largestSupplier':
      return { largestSupplier: m.largestCountry, share: m.largest };
    case 'restrictedSupply':
      return { restrictingCountries: input.exportRestricting ?? [], share: risk };
    case 'partnerSupply':
      return { partners: input.partners ?? [], securedShare: 1 - risk };
    case 'importReliance':
      return {
        imports: m.total - m.domestic,
        exports: input.exports ?? 0,
        domesticProduction: m.domestic,
        importReliance: risk,
      };
    case 'recyclingAndDomestic':
      return { recyclingShare: input.recyclingShare ?? null, domesticShare: m.domesticShare };
    case 'substitutability':
      return { substitutionIndex: risk };
    case 'stockpileCover':
      return { stockpileDays: input.stockpileDays ?? null, fullCoverDays: FULL_STOCKPILE_DAYS };
  }
}
