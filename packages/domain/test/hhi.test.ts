import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hhi, hhiBand, InvalidSupplyError, shares, topShare } from '../src/index.ts';

describe('hhi', () => {
  it('is 10,000 for a single supplier', () => {
    expect(hhi({ CHN: 270_000 })).toBe(10_000);
  });

  it('matches a hand-computed case: 60/30/10 → 3600 + 900 + 100', () => {
    expect(hhi({ A: 60, B: 30, C: 10 })).toBeCloseTo(4600, 9);
  });

  it('is 10,000 / n for n equal suppliers, and invariant to order and scale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        (n, q) => {
          const supply = Object.fromEntries(Array.from({ length: n }, (_, i) => [`S${i}`, q]));
          expect(hhi(supply)).toBeCloseTo(10_000 / n, 6);
        },
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (values, k) => {
          const supply = Object.fromEntries(values.map((v, i) => [`S${i}`, v]));
          const reversed = Object.fromEntries(values.map((v, i) => [`S${i}`, v]).reverse());
          const scaled = Object.fromEntries(values.map((v, i) => [`S${i}`, v * k]));
          expect(hhi(reversed)).toBeCloseTo(hhi(supply), 6);
          expect(hhi(scaled)).toBeCloseTo(hhi(supply), 6);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses negative, NaN and all-zero supply with a named error', () => {
    expect(() => hhi({ A: -1, B: 2 })).toThrow(InvalidSupplyError);
    expect(() => hhi({ A: Number.NaN })).toThrow(/finite/);
    expect(() => shares({ A: 0 })).toThrow(/total supply is 0/);
  });

  it('bands follow DOJ/FTC 2010', () => {
    expect(hhiBand(1499)).toBe('unconcentrated');
    expect(hhiBand(1500)).toBe('moderately concentrated');
    expect(hhiBand(2500)).toBe('moderately concentrated');
    expect(hhiBand(2501)).toBe('highly concentrated');
  });

  it('topShare takes the largest n', () => {
    expect(topShare({ CHN: 62, AUS: 13, MMR: 10, USA: 15 }, 1)).toBeCloseTo(0.62);
    expect(topShare({ CHN: 62, AUS: 13, MMR: 10, USA: 15 }, 3)).toBeCloseTo(0.9);
    expect(() => topShare({ A: 1 }, 0)).toThrow(InvalidSupplyError);
  });
});
