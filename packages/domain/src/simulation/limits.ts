/**
 * How big a scenario may be. Every simulation schema enforces these, so a scenario the browser accepts is one the
 * server will run, and nobody can ask the server for unbounded work: a Monte Carlo costs samples × suppliers ×
 * months. The largest scenario these allow takes about 2 s of one idle core and under 40 MB (measured beside the
 * default-size one by apps/api/bench/scenario-worst-case.ts); the API runs it in a worker thread.
 *
 * Why these values: there are fewer than 200 countries and real supply mixes have under 30 suppliers; 20,000
 * samples are twice the default (10,000); ten years is the longest horizon stockpile planning uses.
 * @example SCENARIO_LIMITS.suppliers // 60
 */
export const SCENARIO_LIMITS = {
  /** Suppliers in a baseline (countries, plus "unallocated"). */
  suppliers: 60,
  /** Shocks in one scenario (real ones have a handful; 50 was always the limit, so saved scenarios keep it). */
  shocks: 50,
  /** Months simulated (and the latest month a shock may start, plus one). */
  months: 120,
  /** Monte Carlo samples: fewest and most. */
  minSamples: 100,
  maxSamples: 20_000,
  /** Governance entries (by country) a scenario may carry. */
  governanceEntries: 250,
  /**
   * Countries in any by-country record or list of a score input (imports, governance, partners, export
   * controls): ISO 3166 assigns 249 codes, so 250 fits every real one and keeps a saved scenario small.
   */
  countryEntries: 250,
  /** Length of a supplier, facility or country id (also in a score input's records and lists). */
  idLength: 64,
} as const;

/** A message that names the limit, for the schema that enforces it. */
export function tooMany(what: string, limit: number): string {
  return `at most ${limit.toLocaleString('en')} ${what}`;
}
