import { z } from 'zod';
import { Material } from './element.ts';
import { Year } from './production.ts';
import { Provenance } from './provenance.ts';

/**
 * Material-level figures an assessment publishes, used as inputs (`eol-rir`, `si-sr`, `import-reliance`) or to
 * compare against (`supply-risk`, `economic-importance`): e.g. the EU CRM 2023 values for each rare earth.
 */
export const IndicatorName = z.enum([
  'eol-rir',
  'si-sr',
  'import-reliance',
  'supply-risk',
  'economic-importance',
]);
export type IndicatorName = z.infer<typeof IndicatorName>;

export const MaterialIndicator = z
  .strictObject({
    material: Material,
    indicator: IndicatorName,
    /** Who the figure is about: `EU` for the EU-27's assessment, an ISO3 code for one country, `WLD` for global. */
    scope: z.string().regex(/^[A-Z]{2,3}$/, 'a scope is EU, WLD or an ISO3 code'),
    year: Year,
    value: z.number().finite().nonnegative(),
    /** For supply risk: the stage the assessment names as the bottleneck. */
    stage: z.enum(['extraction', 'processing']).optional(),
  })
  .extend(Provenance.shape)
  .refine((r) => !['eol-rir', 'si-sr', 'import-reliance'].includes(r.indicator) || r.value <= 1, {
    message: 'a rate or index is a fraction from 0 to 1',
    path: ['value'],
  });
export type MaterialIndicator = z.infer<typeof MaterialIndicator>;
