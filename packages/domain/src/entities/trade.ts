import { z } from 'zod';
import { Iso3 } from './country.ts';
import { Material } from './element.ts';
import { Year } from './production.ts';
import { Provenance } from './provenance.ts';
import { Basis } from './quantity.ts';
import { Stage } from './stage.ts';

/**
 * Goods of one material at one stage moving from an exporter to an importer in a year. `quantity` is tonnes on
 * `basis`, or a fraction of the importer's imports when `unit` is 'share' (when only shares are published).
 */
export const TradeFlow = z
  .strictObject({
    importer: Iso3,
    exporter: Iso3,
    material: Material,
    stage: Stage,
    year: Year,
    quantity: z.number().finite().nonnegative(),
    unit: z.enum(['t', 'share']),
    basis: Basis.default('REO'),
    /** Value in US dollars, when known. */
    valueUsd: z.number().finite().nonnegative().nullable().default(null),
  })
  .extend(Provenance.shape)
  .refine((f) => f.importer !== f.exporter, {
    message: 'a country does not trade with itself',
    path: ['exporter'],
  })
  .refine((f) => f.unit !== 'share' || f.quantity <= 1, {
    message: 'a share is a fraction from 0 to 1',
    path: ['quantity'],
  });
export type TradeFlow = z.infer<typeof TradeFlow>;
