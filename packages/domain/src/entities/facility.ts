import { z } from 'zod';
import { Iso3 } from './country.ts';
import { Material } from './element.ts';
import { Provenance } from './provenance.ts';
import { Basis } from './quantity.ts';

/**
 * What a plant does. Finer than the production `Stage`: cracking and leaching (ore concentrate to a mixed
 * rare-earth chemical, as at Lynas Kalgoorlie) is not separation into individual oxides, and exploration is not
 * mining. A facility's `productionStage` is the stage its output counts towards.
 */
export const FacilityStage = z.enum([
  'exploration',
  'mining',
  'cracking',
  'separation',
  'metal',
  'magnet',
  'recycling',
]);
export type FacilityStage = z.infer<typeof FacilityStage>;

export const FacilityStatus = z.enum([
  'operating',
  'commissioning',
  'construction',
  'planned',
  'suspended',
  'closed',
  /** A plan that never produced (e.g. the Japanese plan at Dong Pao). */
  'abandoned',
]);
export type FacilityStatus = z.infer<typeof FacilityStatus>;

/** Whether a capacity figure is what the plant was built for, what it produced, or what its owner aims at. */
export const CapacityKind = z.enum(['design', 'output', 'target']);
export type CapacityKind = z.infer<typeof CapacityKind>;

/** A mine, plant or magnet factory. Capacity may be unknown (null), never invented. */
export const Facility = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{2,64}$/, 'a facility id is lower-case letters, digits and dashes'),
    name: z.string().min(2).max(200),
    operator: z.string().min(2).max(200),
    country: Iso3,
    /** WGS 84, decimal degrees; the notes say how exact (site, town). */
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    stage: FacilityStage,
    /** The elements or mixes it produces (REE for a mixed product not split by element). */
    products: z.array(Material).min(1),
    capacityPerYear: z.number().finite().nonnegative().nullable().default(null),
    capacityUnit: z.enum(['t', 'kt']).default('t'),
    capacityBasis: Basis.default('REO'),
    /** What the capacity figure is: design, an output used as a floor, or a target. Null when no capacity. */
    capacityKind: CapacityKind.nullable().default(null),
    /** Which product the capacity counts (e.g. "NdPr oxide"), when narrower than `products`. */
    capacityProduct: z.string().max(100).optional(),
    /** Operating, under construction, planned, closed… (not to be confused with the data `status`). */
    operatingStatus: FacilityStatus,
    startYear: z.int().min(1900).max(2060).nullable().default(null),
    endYear: z.int().min(1900).max(2060).nullable().default(null),
    notes: z.string().max(2000).optional(),
  })
  .extend(Provenance.shape)
  .refine((f) => (f.latitude === null) === (f.longitude === null), {
    message: 'give both latitude and longitude, or neither',
    path: ['longitude'],
  })
  .refine((f) => f.capacityPerYear === null || f.capacityKind !== null, {
    message: 'a capacity needs its kind: design, output or target',
    path: ['capacityKind'],
  });
export type Facility = z.infer<typeof Facility>;
