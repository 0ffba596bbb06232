import { z } from 'zod';
import { Iso3 } from './country.ts';
import { Material } from './element.ts';
import { Provenance } from './provenance.ts';

/**
 * What a stockpile row states: a policy `target` (days the holder aims to keep), `reported` holdings (days actually
 * held, as disclosed), or that holdings are `undisclosed`. Only reported holdings are cover.
 */
export const StockpileKind = z.enum(['target', 'reported', 'undisclosed']);
export type StockpileKind = z.infer<typeof StockpileKind>;

/** Days of consumption a holder keeps, aims to keep, or does not disclose. */
export const Stockpile = z
  .strictObject({
    holder: z.string().min(2).max(200),
    country: Iso3,
    material: Material,
    days: z.number().finite().nonnegative().max(3650).nullable().default(null),
    kind: StockpileKind.default('target'),
    year: z.int().min(1950).max(2060),
    notes: z.string().max(1000).optional(),
  })
  .extend(Provenance.shape)
  .refine((s) => (s.kind === 'undisclosed') === (s.days === null), {
    message: 'undisclosed holdings have no days; targets and reported holdings need them',
    path: ['days'],
  });
export type Stockpile = z.infer<typeof Stockpile>;
