import { z } from 'zod';
import { Material } from './element.ts';
import { Year } from './production.ts';
import { Provenance } from './provenance.ts';

/** What an element is first used for (the product it goes into), as consumption statistics group it. */
export const EndUse = z.enum([
  'permanent-magnets',
  'catalysts',
  'polishing',
  'glass',
  'ceramics',
  /** Ceramics and glass together, as USGS reports them. */
  'ceramics-glass',
  'phosphors',
  'metallurgy',
  'batteries',
  'fibre-optics',
  'lasers',
  'nuclear',
  'medical',
  'pigments',
  'other',
]);
export type EndUse = z.infer<typeof EndUse>;

/** The downstream sectors whose products depend on a use (a magnet goes into a traction motor, a wind turbine…). */
export const Sector = z.enum([
  'electric-vehicles',
  'wind-turbines',
  'consumer-electronics',
  'industrial-motors',
  'automotive',
  'defence',
  'aerospace',
  'petroleum-refining',
  'medical-imaging',
  'lighting-displays',
  'telecommunications',
  'optics',
  'steel-alloys',
  'nuclear-power',
  'energy-storage',
]);
export type Sector = z.infer<typeof Sector>;

/**
 * The demand side: one use of a material in one scope and year, with the share of the material's consumption it
 * takes where the source gives one (null when the source names the use without a share), and the sectors that
 * depend on it. Shares of one material, scope and year add up to at most 1 (`demandProfile` checks). The
 * fields without the cross-field check, for answers built from them.
 */
export const EndUseShareFields = z
  .strictObject({
    material: Material,
    use: EndUse,
    sectors: z.array(Sector).max(Sector.options.length).default([]),
    /** Whose consumption: `WLD` for the world, `EU`, or an ISO3 code. */
    scope: z.string().regex(/^[A-Z]{2,3}$/, 'a scope is WLD, EU or an ISO3 code'),
    year: Year,
    share: z.number().finite().min(0).max(1).nullable().default(null),
    notes: z.string().max(1000).optional(),
  })
  .extend(Provenance.shape);

export const EndUseShare = EndUseShareFields.refine((r) => new Set(r.sectors).size === r.sectors.length, {
  message: 'a sector is named once',
  path: ['sectors'],
});
export type EndUseShare = z.infer<typeof EndUseShare>;
