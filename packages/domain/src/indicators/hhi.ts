import { InvalidSupplyError } from '../errors.ts';

/** Quantities (any unit) or shares, keyed by supplier (usually an ISO3 country code). */
export type Supply = Readonly<Record<string, number>>;

/** Concentration bands of the U.S. DOJ/FTC Horizontal Merger Guidelines (2010). */
export type HhiBand = 'unconcentrated' | 'moderately concentrated' | 'highly concentrated';

/**
 * Turns quantities into fractions that sum to 1. Zero-quantity suppliers are kept with share 0.
 * @throws InvalidSupplyError on negative or non-finite values, or when the total is 0.
 * @example shares({ CHN: 270, USA: 45 }) // { CHN: 0.857…, USA: 0.142… }
 */
export function shares(supply: Supply): Record<string, number> {
  let total = 0;
  for (const [supplier, q] of Object.entries(supply)) {
    if (!Number.isFinite(q) || q < 0) {
      throw new InvalidSupplyError(`supply of ${supplier} must be a finite number ≥ 0, got ${q}`);
    }
    total += q;
  }
  if (total === 0) throw new InvalidSupplyError('total supply is 0: there is nothing to take shares of');
  const out: Record<string, number> = {};
  for (const [supplier, q] of Object.entries(supply)) out[supplier] = q / total;
  return out;
}

/**
 * Herfindahl–Hirschman index on 0–10,000: HHI = Σ (100 · s_i)², with s_i each supplier's share of the total.
 * Input may be quantities or shares; it is normalised first, so the result is invariant to scaling.
 * Source: doj-hmg-2010.
 * @example hhi({ CHN: 1 }) // 10000
 * @example hhi({ A: 1, B: 1, C: 1, D: 1 }) // 2500
 */
export function hhi(supply: Supply): number {
  let sum = 0;
  for (const s of Object.values(shares(supply))) sum += (100 * s) ** 2;
  return sum;
}

/**
 * The DOJ/FTC (2010) band of an HHI: < 1,500 unconcentrated, 1,500–2,500 moderately, > 2,500 highly concentrated.
 * @example hhiBand(2600) // 'highly concentrated'
 */
export function hhiBand(value: number): HhiBand {
  if (value < 1500) return 'unconcentrated';
  if (value <= 2500) return 'moderately concentrated';
  return 'highly concentrated';
}

/**
 * The combined share of the `n` largest suppliers (the IEA's "top three" headline uses n = 3).
 * @example topShare({ CHN: 62, AUS: 13, MMR: 10, USA: 15 }, 1) // 0.62
 */
export function topShare(supply: Supply, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new InvalidSupplyError(`n must be a whole number ≥ 1, got ${n}`);
  const sorted = Object.values(shares(supply)).sort((a, b) => b - a);
  return sorted.slice(0, n).reduce((a, b) => a + b, 0);
}
