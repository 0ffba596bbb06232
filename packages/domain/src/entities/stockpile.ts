import { z } from 'zod';
import { Iso3 } from './country.ts';
import { Material } from './element.ts';
import { Provenance } from './provenance.ts';

/** Days of consumption a holder keeps in stock (a target or a reported level). */
export const Stockpile = z
  .strictObject({
    holder: z.string().min(2).max(200),
    country: Iso3,
    material: Material,
    days: z.number().finite().nonnegative().max(3650),
    kind: z.enum(['target', 'reported']).default('target'),
    year: z.int().min(1950).max(2060),
  })
  .extend(Provenance.shape);
export type Stockpile = z.infer<typeof Stockpile>;
