import { z } from 'zod';
import { Provenance } from './provenance.ts';

/** ISO 3166-1 alpha-3 code, e.g. `JPN`. `WLD` stands for the world total and `ROW` for "other countries". */
export const Iso3 = z
  .string()
  .regex(/^[A-Z]{3}$/, 'a country code is three capital letters (ISO 3166-1 alpha-3)');
export type Iso3 = z.infer<typeof Iso3>;

export const Region = z.enum([
  'Asia',
  'Europe',
  'Africa',
  'North America',
  'South America',
  'Oceania',
  'World',
]);
export type Region = z.infer<typeof Region>;

export const Country = z.strictObject({
  iso3: Iso3,
  name: z.string().min(2).max(100),
  region: Region,
});
export type Country = z.infer<typeof Country>;

/**
 * A country's governance on the EU criticality scale: 0 (best) to 10 (worst), from the World Bank's WGI as
 * (2.5 − mean of the six estimates) × 2. Source: eu-crm-2017, wgi-2022.
 */
export const GovernanceScore = z
  .strictObject({
    country: Iso3,
    year: z.int().min(1996).max(2060),
    wgi: z.number().min(0).max(10),
  })
  .extend(Provenance.shape);
export type GovernanceScore = z.infer<typeof GovernanceScore>;

/**
 * Converts the mean of the six WGI estimates (−2.5 best-to-worst reversed, +2.5 best) to the EU's 0–10 scale.
 * @example wgiToEuScale(1.37) // 2.26 (Japan, 2022)
 */
export function wgiToEuScale(meanEstimate: number): number {
  return Math.min(10, Math.max(0, (2.5 - meanEstimate) * 2));
}
