import { z } from 'zod';
import { COMPONENT_IDS, combine, type Measures, measure, risksOf, upperRisks } from './measures.ts';
import {
  COMPONENT_INFO,
  ComponentId,
  DEFAULT_WEIGHTS,
  FULL_STOCKPILE_DAYS,
  METHOD_VERSION,
  MIN_COVERAGE,
} from './method.ts';
import { type ResilienceInput, type ResilienceInputOut, withDefaults } from './resilience-input-schema.ts';

export { ResilienceInput, type ResilienceInputOut } from './resilience-input-schema.ts';

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
  /** Normalised risk, 0 (no risk) to 1 (worst), with unallocated supply spread over many small suppliers. */
  risk: z.number(),
  /** The risk with unallocated supply at its worst (one supplier, worst governed, restricting). */
  riskUpper: z.number(),
  /** The weight after renormalising over the components with data (they sum to 1). */
  weight: z.number(),
  /** Data quality of the component's inputs, 0–1 (1 = the consumer's own figures for the material and year). */
  quality: z.number(),
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
  /** Share of the total weight with data, each weighted by its data quality, 0–1. */
  coverage: z.number(),
  /** Share of supply no named supplier accounts for, 0–1. */
  unallocatedShare: z.number(),
  components: z.array(ScoreComponent),
  missing: z.array(MissingComponent),
  /** The component that costs the score most points (100 × weight × risk), null without a score. */
  drag: ComponentId.nullable(),
});

/** A score with its breakdown, or "insufficient data" with the reason. Used to validate API answers too. */
export const ResilienceScore = z.discriminatedUnion('status', [
  ScoreHeader.extend({
    status: z.literal('ok'),
    score: z.number(),
    /** The score with unallocated supply at its worst (low) and spread over many small suppliers (high). */
    range: z.object({ low: z.number(), high: z.number() }),
  }),
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

const NO_SUPPLY = 'no supply data for this consumer, material, stage and year';

function importsAsArrays(input: ResilienceInput): { countries: string[]; quantities: number[] } {
  const countries: string[] = [];
  const quantities: number[] = [];
  for (const country in input.imports) {
    countries.push(country);
    quantities.push(input.imports[country] as number);
  }
  return { countries, quantities };
}

function weightsOf(input: ResilienceInput): Readonly<Record<ComponentId, number>> {
  return input.weights ? { ...DEFAULT_WEIGHTS, ...input.weights } : DEFAULT_WEIGHTS;
}

function insufficientReason(noSupply: boolean, coverage: number): string | null {
  if (noSupply) return NO_SUPPLY;
  if (coverage < MIN_COVERAGE) {
    return `only ${(coverage * 100).toFixed(0)} % of the method's weight has data of enough quality (at least ${MIN_COVERAGE * 100} % is needed)`;
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
  const noSupply = m.countries.length === 0 && m.domestic <= 0;
  if (noSupply) scratchRisks.fill(Number.NaN);
  else risksOf(input, m, scratchRisks);
  const { score, coverage } = combine(
    scratchRisks,
    weightsOf(input),
    input.quality ?? {},
    m.unallocatedShare,
  );
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
 * components with data, weights renormalised to sum to 1. Unallocated supply (`unallocated`) is unknown: the score
 * takes it as spread over many small suppliers, `range.low` as one worst-case supplier. With too little data
 * (coverage below 50 %, or no named supply at all) it returns `insufficient-data` and what is missing instead.
 * Validate untrusted input with `ResilienceInput.parse` first; this function trusts its types for speed.
 * @example
 * resilienceScore({ consumer: 'JPN', material: 'Dy', stage: 'separation', year: 2024,
 *   imports: { CHN: 90, MYS: 10 }, wgi: { CHN: 5.67, MYS: 4.14 }, exportRestricting: ['CHN'], partners: ['MYS'],
 *   recyclingShare: 0.01, substitutionIndex: 0.9, stockpileDays: 60 }).score // ≈ 18.2 (see METHOD.md)
 */
export function resilienceScore(raw: ResilienceInput): ResilienceScore {
  const input = withDefaults(raw);
  const { countries, quantities } = importsAsArrays(input);
  const m = measure(input, countries, quantities);
  const noSupply = m.countries.length === 0 && m.domestic <= 0;
  const risks = new Float64Array(COMPONENT_IDS.length);
  const upper = new Float64Array(COMPONENT_IDS.length);
  if (noSupply) risks.fill(Number.NaN);
  else risksOf(input, m, risks);
  upperRisks(m, risks, upper);
  const weights = weightsOf(input);
  const quality = input.quality ?? {};
  const { score, coverage, present } = combine(risks, weights, quality, m.unallocatedShare);
  const low = combine(upper, weights, quality, m.unallocatedShare).score;
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
      riskUpper: upper[i] as number,
      weight,
      quality: quality[id] ?? 1,
      points: 100 * weight * (1 - risk),
      maxPoints: 100 * weight,
    });
  });
  const reason = insufficientReason(noSupply, coverage);
  const header = {
    methodVersion: METHOD_VERSION,
    consumer: input.consumer,
    material: input.material,
    stage: input.stage,
    year: input.year,
    coverage,
    unallocatedShare: m.unallocatedShare,
    components,
    missing,
    drag: reason === null ? dragOf(components) : null,
  };
  return reason === null
    ? { ...header, status: 'ok', score, range: { low, high: score } }
    : { ...header, status: 'insufficient-data', score: null, reason };
}

/** The component that costs most points: the largest weight × risk. */
function dragOf(components: readonly ScoreComponent[]): ComponentId | null {
  let best: ScoreComponent | null = null;
  for (const c of components) if (!best || c.maxPoints - c.points > best.maxPoints - best.points) best = c;
  return best?.id ?? null;
}

function missingReason(id: ComponentId, input: ResilienceInputOut, m: Measures): string {
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
      return 'stockpile holdings not known';
    default:
      return 'not known';
  }
}

/** The data behind one component, as the breakdown shows it. */
function componentInputs(
  id: ComponentId,
  input: ResilienceInputOut,
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
      return { hhi: m.hhi * 10_000, shares, unallocatedShare: m.unallocatedShare };
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
        exports: input.exports,
        domesticProduction: m.domestic,
        importReliance: risk,
        published: input.publishedImportReliance !== undefined,
      };
    case 'recyclingAndDomestic':
      return { recyclingShare: input.recyclingShare ?? null, domesticShare: m.domesticShare };
    case 'substitutability':
      return { substitutionIndex: risk };
    case 'stockpileCover':
      return { stockpileDays: input.stockpileDays ?? null, fullCoverDays: FULL_STOCKPILE_DAYS };
  }
}
