import { z } from 'zod';
import { Material } from '../entities/element.ts';
import { Year } from '../entities/production.ts';
import { Stage } from '../entities/stage.ts';
import { SCENARIO_LIMITS, tooMany } from '../simulation/limits.ts';
import { ComponentId } from './method.ts';

const Fraction = z.number().finite().min(0).max(1);
const L = SCENARIO_LIMITS;
const CountryId = z.string().max(L.idLength, `a country id has ${tooMany('characters', L.idLength)}`);

/** A record by country with at most `countryEntries` keys, so a score input (saved in a scenario) stays small. */
function byCountry<K extends z.ZodString, V extends z.ZodNumber>(what: string, key: K, value: V) {
  return z.record(key, value).refine((r) => Object.keys(r).length <= L.countryEntries, {
    message: `${what} is given for ${tooMany('countries', L.countryEntries)}`,
  });
}

/** A list of countries, at most `countryEntries` long. */
function countryList(what: string) {
  return z.array(CountryId).max(L.countryEntries, `${what}: ${tooMany('countries', L.countryEntries)}`);
}

const SupplyRecord = byCountry('imports', z.string().regex(/^[A-Z]{3}$/), z.number().finite().nonnegative());

/**
 * Everything the score needs for one consumer × material × stage × year. Quantities (imports, unallocated,
 * domestic output, exports) share one unit — tonnes, or fractions of supply when only shares are published.
 */
export const ResilienceInput = z.strictObject({
  /** The consumer: an ISO3 country code (e.g. JPN) or a company id. */
  consumer: z.string().min(2).max(100),
  material: Material,
  stage: Stage,
  year: Year,
  /** The consumer's imports by named exporting country. Never an aggregate such as "other countries". */
  imports: SupplyRecord,
  /**
   * Imports no named country accounts for (what published shares leave out, USGS's "other countries"): unknown,
   * not a supplier. The score takes it as spread over many small suppliers and gives the worst case as its range.
   */
  unallocated: z.number().finite().nonnegative().default(0),
  /** The consumer's own output at this stage. */
  domesticProduction: z.number().finite().nonnegative().default(0),
  /** The consumer's exports at this stage (for import reliance). */
  exports: z.number().finite().nonnegative().default(0),
  /** A published net import reliance (e.g. USGS's for the United States), used instead of the computed one. */
  publishedImportReliance: Fraction.optional(),
  /** Governance, EU 0–10 scale (10 = worst), by country. */
  wgi: byCountry('governance', CountryId, z.number().finite().min(0).max(10)),
  /** Countries with export controls in force on this material to this consumer; omit when unknown. */
  exportRestricting: countryList('export controls').optional(),
  /** Countries whose supply to the consumer an agreement secures (offtake, priority rights); omit when unknown. */
  partners: countryList('partners').optional(),
  /** End-of-life recycling input rate, 0–1; omit when unknown. */
  recyclingShare: Fraction.optional(),
  /** Substitution index SI_SR, 0–1 (1 = no substitute); omit when unknown. */
  substitutionIndex: Fraction.optional(),
  /** Stockpile actually held, in days of consumption; omit when unknown (a target is not a holding). */
  stockpileDays: z.number().finite().nonnegative().optional(),
  /**
   * Data quality by component, 0–1 (default 1): lower when another material's or year's figures stand in, or a
   * figure about someone else is used as a proxy. It lowers coverage, not the score.
   */
  quality: z.partialRecord(ComponentId, Fraction).optional(),
  /** Overrides of the default weights. */
  weights: z.partialRecord(ComponentId, z.number().finite().nonnegative()).optional(),
});
export type ResilienceInput = z.input<typeof ResilienceInput>;
/** The input with its defaults filled in, as the score reads it. */
export type ResilienceInputOut = z.output<typeof ResilienceInput>;

/** Fills the defaults the way `ResilienceInput.parse` would, without validating (the hot path trusts its types). */
export function withDefaults(input: ResilienceInput): ResilienceInputOut {
  return {
    ...input,
    unallocated: input.unallocated ?? 0,
    domesticProduction: input.domesticProduction ?? 0,
    exports: input.exports ?? 0,
  };
}
