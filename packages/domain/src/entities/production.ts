import { z } from 'zod';
import { Iso3 } from './country.ts';
import { Material } from './element.ts';
import { Provenance } from './provenance.ts';
import { Basis, Unit } from './quantity.ts';
import { Stage } from './stage.ts';

/** A year no rare-earth record can sensibly be outside of (projections go to 2050). */
export const Year = z.int().min(1950).max(2060);

/** One country's output at one stage of one material in one year. */
export const ProductionRecord = z
  .strictObject({
    country: Iso3,
    stage: Stage,
    material: Material,
    year: Year,
    quantity: z.number().finite().nonnegative(),
    unit: Unit,
    basis: Basis,
    /** A projection (e.g. the IEA's 2030 outlook), not an observed figure. */
    projection: z.boolean().default(false),
  })
  .extend(Provenance.shape)
  .refine((r) => r.unit !== 'share' || r.quantity <= 1, {
    message: 'a share is a fraction from 0 to 1',
    path: ['quantity'],
  });
export type ProductionRecord = z.infer<typeof ProductionRecord>;

/** Reserves of one country as an edition of a source gives them (t REO). */
export const ReserveEstimate = z
  .strictObject({
    country: Iso3,
    /** The year the estimate refers to (for USGS, the edition's year minus one). */
    year: Year,
    quantity: z.number().finite().nonnegative(),
    unit: z.enum(['t']).default('t'),
    basis: Basis.default('REO'),
  })
  .extend(Provenance.shape);
export type ReserveEstimate = z.infer<typeof ReserveEstimate>;
