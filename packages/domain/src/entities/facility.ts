import { z } from 'zod';
import { Iso3 } from './country.ts';
import { Material } from './element.ts';
import { Provenance } from './provenance.ts';
import { Basis } from './quantity.ts';
import { Stage } from './stage.ts';

export const FacilityStatus = z.enum(['operating', 'construction', 'planned', 'closed']);
export type FacilityStatus = z.infer<typeof FacilityStatus>;

/** A mine, plant or magnet factory. Capacity may be unknown (null), never invented. */
export const Facility = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{2,64}$/, 'a facility id is lower-case letters, digits and dashes'),
    name: z.string().min(2).max(200),
    operator: z.string().min(2).max(200),
    country: Iso3,
    stage: Stage,
    products: z.array(Material).min(1),
    capacityPerYear: z.number().finite().nonnegative().nullable().default(null),
    capacityUnit: z.enum(['t', 'kt']).default('t'),
    capacityBasis: Basis.default('REO'),
    /** Operating, under construction, planned or closed (not to be confused with the data `status`). */
    operatingStatus: FacilityStatus,
    startYear: z.int().min(1900).max(2060).nullable().default(null),
    notes: z.string().max(2000).optional(),
  })
  .extend(Provenance.shape);
export type Facility = z.infer<typeof Facility>;
