// The numbers every score component is computed from, gathered in one pass over the suppliers, and each
// component's risk — central, and with the unallocated part of supply at its worst.
import { importReliance } from '../indicators/import-reliance.ts';
import { ComponentId, FULL_STOCKPILE_DAYS, MAX_UNSCORED_GOVERNANCE_SHARE } from './method.ts';
import type { ResilienceInput } from './resilience-input-schema.ts';

export const COMPONENT_IDS = ComponentId.options;
/** Components computed from the supply mix: their data quality also falls with the unallocated share. */
export const SUPPLY_COMPONENTS: ReadonlySet<ComponentId> = new Set([
  'supplierConcentration',
  'governanceConcentration',
  'largestSupplier',
  'restrictedSupply',
  'partnerSupply',
  'importReliance',
]);

/** SUPPLY_COMPONENTS by position in COMPONENT_IDS, for the hot path. */
const IS_SUPPLY_COMPONENT = COMPONENT_IDS.map((id) => SUPPLY_COMPONENTS.has(id));

export interface Measures {
  /** Named suppliers (never the consumer) and their quantities. */
  countries: string[];
  quantities: number[];
  /** Named + unallocated + domestic. */
  total: number;
  domestic: number;
  domesticShare: number;
  /** The share of supply no named supplier accounts for. */
  unallocatedShare: number;
  hhi: number;
  hhiWgi: number;
  unscoredShare: number;
  largest: number;
  largestCountry: string | null;
}

/**
 * Gathers the measures from suppliers given as parallel arrays (which the bulk scorer already has). Drops the
 * consumer itself and zero quantities. Unallocated supply is taken as spread over many small suppliers: it adds
 * nothing to the concentration measures (the worst case is in `upperRisks`).
 */
export function measure(input: ResilienceInput, supplierList: string[], supplied: number[]): Measures {
  const countries: string[] = [];
  const quantities: number[] = [];
  const domestic = input.domesticProduction ?? 0;
  const unallocated = input.unallocated ?? 0;
  let total = domestic + unallocated;
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
    unallocatedShare: total > 0 ? unallocated / total : 0,
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
      m.hhiWgi += s * s * 10; // a named supplier without a governance score counts as the worst governed
    } else m.hhiWgi += s * s * g;
  }
  return m;
}

/** The summed share of the listed countries, each counted once (the consumer is never among the suppliers). */
export function shareOfListed(m: Measures, listed: readonly string[]): number {
  let share = 0;
  for (let i = 0; i < m.countries.length; i++) {
    if (listed.includes(m.countries[i] as string)) share += (m.quantities[i] as number) / m.total;
  }
  return share;
}

/** Fills `risks` (in COMPONENT_IDS order) with each component's central risk, NaN where its data is missing. */
export function risksOf(input: ResilienceInput, m: Measures, risks: Float64Array): void {
  risks[0] = m.hhi;
  risks[1] = m.unscoredShare > MAX_UNSCORED_GOVERNANCE_SHARE ? Number.NaN : Math.min(1, m.hhiWgi / 10);
  risks[2] = m.largest;
  risks[3] = input.exportRestricting === undefined ? Number.NaN : shareOfListed(m, input.exportRestricting);
  risks[4] =
    input.partners === undefined
      ? Number.NaN
      : Math.max(0, 1 - m.domesticShare - shareOfListed(m, input.partners));
  risks[5] =
    input.publishedImportReliance ??
    importReliance({ production: m.domestic, imports: m.total - m.domestic, exports: input.exports ?? 0 });
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

/**
 * The risks with the unallocated share at its worst: one more supplier holding all of it, governed as badly as
 * possible (10), restricting exports, and the largest supplier if it is larger than every named one.
 */
export function upperRisks(m: Measures, central: Float64Array, upper: Float64Array): void {
  upper.set(central);
  const u = m.unallocatedShare;
  if (u <= 0) return;
  upper[0] = (central[0] as number) + u * u;
  if (!Number.isNaN(central[1] as number)) upper[1] = Math.min(1, (central[1] as number) + u * u);
  upper[2] = Math.max(central[2] as number, u);
  if (!Number.isNaN(central[3] as number)) upper[3] = Math.min(1, (central[3] as number) + u);
}

export interface Combined {
  score: number;
  coverage: number;
  /** Sum of the weights with data (to renormalise). */
  present: number;
}

/**
 * Σ weight × (1 − risk) over the components with data, weights renormalised; and the coverage: the share of the
 * total weight with data, each component's weight counted at its data quality (supply components also at
 * 1 − unallocated/2, since half of what unallocated supply could do to them is unknown).
 */
export function combine(
  risks: Float64Array,
  weights: Readonly<Record<ComponentId, number>>,
  quality: Readonly<Partial<Record<ComponentId, number>>>,
  unallocatedShare: number,
): Combined {
  let totalWeight = 0;
  let present = 0;
  let covered = 0;
  let sum = 0;
  for (let i = 0; i < COMPONENT_IDS.length; i++) {
    const id = COMPONENT_IDS[i] as ComponentId;
    const w = weights[id];
    const risk = risks[i] as number;
    totalWeight += w;
    if (Number.isNaN(risk)) continue;
    present += w;
    sum += w * (1 - risk);
    const unknownPart = IS_SUPPLY_COMPONENT[i] ? 1 - unallocatedShare / 2 : 1;
    covered += w * (quality[id] ?? 1) * unknownPart;
  }
  if (totalWeight <= 0) throw new RangeError('at least one weight must be positive');
  return { score: present > 0 ? (100 * sum) / present : 0, coverage: covered / totalWeight, present };
}
