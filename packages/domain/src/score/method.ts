import { z } from 'zod';

/** Bumped whenever a formula, a weight or a normalisation changes, so a stored score says how it was made. */
export const METHOD_VERSION = '2.0.0';

/** The components of the resilience score, in the order they are shown. */
export const ComponentId = z.enum([
  'supplierConcentration',
  'governanceConcentration',
  'largestSupplier',
  'restrictedSupply',
  'partnerSupply',
  'importReliance',
  'recyclingAndDomestic',
  'substitutability',
  'stockpileCover',
]);
export type ComponentId = z.infer<typeof ComponentId>;

export const Weights = z.record(ComponentId, z.number().finite().nonnegative());
export type Weights = z.infer<typeof Weights>;

/**
 * Default weights (sum 1). The three supply-side structure measures the EU and the IEA headline (concentration,
 * governance, the largest supplier) carry 40 %; the two that name who can cut supply (restricting countries,
 * partners) 25 %; dependence on imports and the buffers that reduce it (recycling/domestic, stockpile) 30 %;
 * substitution 5 %, because for magnet rare earths it is weak and slow.
 */
export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  supplierConcentration: 0.15,
  governanceConcentration: 0.15,
  largestSupplier: 0.1,
  restrictedSupply: 0.15,
  partnerSupply: 0.1,
  importReliance: 0.1,
  recyclingAndDomestic: 0.1,
  substitutability: 0.05,
  stockpileCover: 0.1,
});

/** Words for each component, used by the breakdown and METHOD.md. */
export const COMPONENT_INFO: Readonly<Record<ComponentId, { label: string; formula: string; why: string }>> =
  {
    supplierConcentration: {
      label: 'Supplier concentration',
      formula:
        'HHI of the consumer’s supply (imports by named country plus domestic output) ÷ 10,000; unallocated supply adds nothing (spread), or its square at worst',
      why: 'Few suppliers means one decision or accident can remove most supply (DOJ/FTC 2010 bands: > 2,500 is highly concentrated; the 2023 guidelines draw the line at 1,800).',
    },
    governanceConcentration: {
      label: 'Governance-weighted concentration',
      formula:
        'Σ sᵢ² × WGIᵢ ÷ 10 over the supply shares, as the EU’s HHI_WGI; this method counts domestic supply at WGI 0 (its own convention)',
      why: 'Concentration matters more when the suppliers are poorly governed (eu-crm-2017).',
    },
    largestSupplier: {
      label: 'Dependence on the largest supplier',
      formula:
        'the largest named foreign supplier’s share of supply (unallocated supply is never a supplier)',
      why: 'How much one country could withhold (the IEA reports the top three’s share beside it).',
    },
    restrictedSupply: {
      label: 'Supply from export-restricting countries',
      formula:
        'share of supply from countries with export controls in force on this material to this consumer on the as-of date',
      why: 'Quotas, licensing and bans (China 2009–2014, 2010, 2025) turn concentration into actual disruption.',
    },
    partnerSupply: {
      label: 'Supply not secured by partners',
      formula:
        '1 − (share of itemised supply from the countries an agreement in force delivers from + domestic share)',
      why: 'Offtake agreements and equity stakes (Sojitz–Lynas, JARE) keep supply flowing to the consumer first.',
    },
    importReliance: {
      label: 'Import reliance',
      formula: '(imports − exports) ÷ (domestic output + imports − exports), clamped to 0–1 (eu-crm-2017)',
      why: 'What is produced at home cannot be cut off by another country.',
    },
    recyclingAndDomestic: {
      label: 'Recycling and domestic supply',
      formula: '1 − [recycling share + (1 − recycling share) × domestic share]',
      why: 'Secondary and domestic sources are under the consumer’s own control.',
    },
    substitutability: {
      label: 'Substitutability',
      formula: 'the substitution index SI_SR (0 = fully substitutable, 1 = no substitute)',
      why: 'A material that can be replaced can be done without for a while.',
    },
    stockpileCover: {
      label: 'Stockpile cover',
      formula:
        'max(0, 1 − stockpile days held ÷ 180); a target is not a holding, undisclosed holdings are not known',
      why: 'Japan’s 2020 strategy aims at up to 180 days for high-risk metals; a stockpile buys time to re-source.',
    },
  };

/** Days of stockpile that count as full cover (Japan's 2020 international resource strategy). */
export const FULL_STOCKPILE_DAYS = 180;

/**
 * Below this coverage (the share of the total weight with data, counted at its data quality) the score says
 * "insufficient data" instead of a number.
 */
export const MIN_COVERAGE = 0.5;

/** Suppliers without a governance score may make up at most this share; they are then scored as worst (10). */
export const MAX_UNSCORED_GOVERNANCE_SHARE = 0.05;
