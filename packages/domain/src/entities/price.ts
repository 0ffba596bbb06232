import { z } from 'zod';
import { Material } from './element.ts';
import { Year } from './production.ts';
import { Provenance } from './provenance.ts';

/** A yearly average price of one product on one market (e.g. Dy oxide, FOB China, US$/kg). */
export const PricePoint = z
  .strictObject({
    material: Material,
    /** The product priced: `oxide` (Dy2O3, NdPr oxide…) or `metal`. */
    form: z.enum(['oxide', 'metal']),
    /** Where: "FOB China", "Europe (ex-China)", "US price floor"… */
    market: z.string().min(2).max(100),
    year: Year,
    price: z.number().finite().positive(),
    currency: z.enum(['USD']).default('USD'),
    /** Per kilogram of the product. */
    per: z.enum(['kg']).default('kg'),
    /** When the source gives a range, its low and high; `price` is then the midpoint. */
    low: z.number().finite().positive().nullable().default(null),
    high: z.number().finite().positive().nullable().default(null),
  })
  .extend(Provenance.shape)
  .refine((p) => (p.low === null) === (p.high === null) && (p.low === null || (p.high ?? 0) >= p.low), {
    message: 'a range needs both ends, low ≤ high',
    path: ['high'],
  });
export type PricePoint = z.infer<typeof PricePoint>;
