import { type Supply, shares } from './hhi.ts';

/**
 * The share of supply that comes from suppliers in `suppliers` (e.g. countries with export restrictions in force,
 * or partners with supply agreements).
 * @example shareFrom({ CHN: 80, AUS: 20 }, ['CHN']) // 0.8
 */
export function shareFrom(supply: Supply, suppliers: Iterable<string>): number {
  const s = shares(supply);
  let total = 0;
  for (const supplier of new Set(suppliers)) total += s[supplier] ?? 0;
  return total;
}
