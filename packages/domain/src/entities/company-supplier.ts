import { z } from 'zod';
import { Iso3 } from './country.ts';
import { Material } from './element.ts';
import { Year } from './production.ts';
import { Stage } from './stage.ts';

/**
 * One line of a company's own import mix: what it bought of one material at one stage in a year from suppliers
 * in one country. `quantity` is tonnes, or the fraction of the company's purchases when `unit` is 'share' (when
 * the analyst knows the split but not the tonnage). Private to the analyst who uploaded it.
 */
export const CompanySupplier = z
  .strictObject({
    country: Iso3,
    material: Material,
    stage: Stage,
    year: Year,
    quantity: z.number().finite().nonnegative(),
    unit: z.enum(['t', 'share']),
  })
  .refine((s) => s.unit !== 'share' || s.quantity <= 1, {
    message: 'a share is a fraction from 0 to 1',
    path: ['quantity'],
  });
export type CompanySupplier = z.infer<typeof CompanySupplier>;

/** The columns of a company-suppliers CSV, in the order the sample file gives them. */
export const COMPANY_SUPPLIER_COLUMNS = ['country', 'material', 'stage', 'year', 'quantity', 'unit'] as const;
