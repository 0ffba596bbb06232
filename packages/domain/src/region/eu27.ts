// The EU-27 as one consumer. Eurostat reports the Union's trade as `EUU` ("extra-EU": imports from outside the
// Union); what one member buys from another is the Union's internal market, not an import of the region, so a
// score for `EUU` never counts an exporter that is itself a member.
import type { Iso3 } from '../entities/country.ts';

/** The code Eurostat (and the dataset) gives the EU-27 as one importer. */
export const EU27 = 'EUU';

/**
 * The 27 member states since 1 February 2020 (the United Kingdom's withdrawal), as ISO 3166-1 alpha-3 codes.
 * Source: European Union, "Country profiles" (european-union.europa.eu/principles-countries-history/eu-countries),
 * the same membership Eurostat's EU27_2020 aggregate uses.
 */
export const EU27_MEMBERS: readonly Iso3[] = Object.freeze([
  'AUT',
  'BEL',
  'BGR',
  'HRV',
  'CYP',
  'CZE',
  'DNK',
  'EST',
  'FIN',
  'FRA',
  'DEU',
  'GRC',
  'HUN',
  'IRL',
  'ITA',
  'LVA',
  'LTU',
  'LUX',
  'MLT',
  'NLD',
  'POL',
  'PRT',
  'ROU',
  'SVK',
  'SVN',
  'ESP',
  'SWE',
]);

const MEMBERS = new Set<string>(EU27_MEMBERS);

/**
 * Whether `country` is an EU-27 member state.
 * @example isEuMember('FRA') // true
 */
export function isEuMember(country: string): boolean {
  return MEMBERS.has(country);
}

/**
 * Whether `exporter`'s supply to `consumer` is internal to the consumer: for the EU-27, a member's sales to another
 * member (or the Union itself); for anyone, itself.
 * @example isInternalSupply('EUU', 'DEU') // true
 */
export function isInternalSupply(consumer: string, exporter: string): boolean {
  if (exporter === consumer) return true;
  return consumer === EU27 && (exporter === EU27 || isEuMember(exporter));
}

/**
 * The scope under which figures about `consumer` are published in indicators: the EU's own assessments (recycling
 * input rate, import reliance) are scoped `EU`, and for the EU-27 they are the region's own, not a proxy.
 * @example indicatorScopeOf('EUU') // 'EU'
 */
export function indicatorScopeOf(consumer: string): string {
  return consumer === EU27 ? 'EU' : consumer;
}
