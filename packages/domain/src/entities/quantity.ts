import { z } from 'zod';
import { MixedBasisError } from '../errors.ts';

/** What a tonnage measures: rare-earth oxide equivalent, metal content, or the gross weight of the product. */
export const Basis = z.enum(['REO', 'metal', 'gross']);
export type Basis = z.infer<typeof Basis>;

export const Unit = z.enum(['t', 'kt', 'share']);
export type Unit = z.infer<typeof Unit>;

/** A quantity always carries its unit and basis, so that figures on different bases are never added up. */
export const Quantity = z
  .strictObject({ value: z.number().finite().nonnegative(), unit: Unit, basis: Basis })
  .refine((q) => q.unit !== 'share' || q.value <= 1, {
    message: 'a share is a fraction from 0 to 1',
    path: ['value'],
  });
export type Quantity = z.infer<typeof Quantity>;

const TONNES_PER_UNIT = { t: 1, kt: 1000 } as const;

/**
 * Adds quantities that are on the same basis, returning tonnes.
 * @throws MixedBasisError when the bases (or a share and a tonnage) differ.
 * @example sumTonnes([{ value: 2, unit: 'kt', basis: 'REO' }, { value: 500, unit: 't', basis: 'REO' }]) // 2500 t REO
 */
export function sumTonnes(quantities: readonly Quantity[]): Quantity {
  const first = quantities[0];
  if (!first) return { value: 0, unit: 't', basis: 'REO' };
  let total = 0;
  for (const q of quantities) {
    if (q.basis !== first.basis) throw new MixedBasisError(first.basis, q.basis);
    if (q.unit === 'share') throw new MixedBasisError(`${first.basis} tonnes`, 'a share');
    total += q.value * TONNES_PER_UNIT[q.unit];
  }
  return { value: total, unit: 't', basis: first.basis };
}
