import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chainScore,
  DEFAULT_WEIGHTS,
  type ResilienceInput,
  ResilienceInput as ResilienceInputSchema,
  resilienceScore,
} from '../src/index.ts';

const japanDy: ResilienceInput = {
  consumer: 'JPN',
  material: 'Dy',
  stage: 'separation',
  year: 2024,
  imports: { CHN: 90, MYS: 10 },
  wgi: { CHN: 5.67, MYS: 4.14, JPN: 2.25 },
  exportRestricting: ['CHN'],
  partners: ['MYS'],
  recyclingShare: 0.01,
  substitutionIndex: 0.9,
  stockpileDays: 60,
};

function ok(input: ResilienceInput) {
  const result = resilienceScore(input);
  if (result.status !== 'ok') throw new Error(`expected a score, got: ${result.reason}`);
  return result;
}

describe('resilienceScore', () => {
  it('matches a hand-computed case component by component', () => {
    const r = ok(japanDy);
    const risk = Object.fromEntries(r.components.map((c) => [c.id, c.risk]));
    expect(risk.supplierConcentration).toBeCloseTo(0.81 + 0.01, 12); // HHI 8,200
    expect(risk.governanceConcentration).toBeCloseTo((0.81 * 5.67 + 0.01 * 4.14) / 10, 12);
    expect(risk.largestSupplier).toBeCloseTo(0.9, 12);
    expect(risk.restrictedSupply).toBeCloseTo(0.9, 12);
    expect(risk.partnerSupply).toBeCloseTo(0.9, 12);
    expect(risk.importReliance).toBe(1);
    expect(risk.recyclingAndDomestic).toBeCloseTo(0.99, 12);
    expect(risk.substitutability).toBe(0.9);
    expect(risk.stockpileCover).toBeCloseTo(1 - 60 / 180, 12);
    // Score = 100 × Σ w (1 − risk) with the default weights (all present, so unchanged).
    const expected =
      100 *
      (0.15 * (1 - 0.82) +
        0.15 * (1 - (0.81 * 5.67 + 0.01 * 4.14) / 10) +
        0.1 * 0.1 +
        0.15 * 0.1 +
        0.1 * 0.1 +
        0.1 * 0 +
        0.1 * 0.01 +
        0.05 * 0.1 +
        0.1 * (60 / 180));
    expect(r.score).toBeCloseTo(expected, 10);
    expect(r.coverage).toBe(1);
    expect(r.methodVersion).toBe('2.0.0');
  });

  it('its component points add up to the score, and weights to 1', () => {
    const r = ok(japanDy);
    expect(r.components.reduce((s, c) => s + c.points, 0)).toBeCloseTo(r.score, 10);
    expect(r.components.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
  });

  it('says insufficient data, with what is missing, instead of inventing a number', () => {
    const none = resilienceScore({ ...japanDy, imports: {} });
    expect(none.status).toBe('insufficient-data');
    expect(none.score).toBeNull();
    const sparse = resilienceScore({
      consumer: 'JPN',
      material: 'Tb',
      stage: 'separation',
      year: 2024,
      imports: { CHN: 1, XXX: 1 },
      wgi: { CHN: 5.67 },
    });
    expect(sparse.status).toBe('insufficient-data');
    expect(sparse.missing.map((m) => m.id)).toEqual([
      'governanceConcentration',
      'restrictedSupply',
      'partnerSupply',
      'recyclingAndDomestic',
      'substitutability',
      'stockpileCover',
    ]);
    expect(sparse.missing[0]?.reason).toMatch(/no governance score for XXX/);
  });

  it('renormalises weights over the components with data, and honours overrides', () => {
    const withoutStockpile = ok({ ...japanDy, stockpileDays: undefined });
    expect(withoutStockpile.coverage).toBeCloseTo(0.9, 12);
    expect(withoutStockpile.components.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
    const onlyConcentration = ok({
      ...japanDy,
      weights: Object.fromEntries(
        Object.keys(DEFAULT_WEIGHTS).map((k) => [k, k === 'supplierConcentration' ? 1 : 0]),
      ),
    });
    expect(onlyConcentration.score).toBeCloseTo(100 * (1 - 0.82), 10);
  });

  it('domestic supply counts as secure and lowers import reliance', () => {
    const withDomestic = ok({ ...japanDy, domesticProduction: 100 });
    expect(withDomestic.score).toBeGreaterThan(ok(japanDy).score);
    expect(withDomestic.components.find((c) => c.id === 'importReliance')?.risk).toBeCloseTo(0.5, 12);
  });

  it('the schema refuses impossible input with the field named', () => {
    const r = ResilienceInputSchema.safeParse({ ...japanDy, recyclingShare: 1.7 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['recyclingShare']);
  });
});

const countries: readonly string[] = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
const arbitraryInput = fc.record({
  quantities: fc.array(fc.double({ min: 0.1, max: 1e6, noNaN: true }), { minLength: 5, maxLength: 5 }),
  wgi: fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 5, maxLength: 5 }),
  restricted: fc.subarray([...countries]),
  partners: fc.subarray([...countries]),
  recycling: fc.double({ min: 0, max: 1, noNaN: true }),
  substitution: fc.double({ min: 0, max: 1, noNaN: true }),
  stockpile: fc.double({ min: 0, max: 400, noNaN: true }),
  domestic: fc.double({ min: 0, max: 1e6, noNaN: true }),
});

type Generated = typeof arbitraryInput extends fc.Arbitrary<infer T> ? T : never;

function build(a: Generated): ResilienceInput {
  return {
    consumer: 'JPN',
    material: 'Nd',
    stage: 'separation',
    year: 2024,
    imports: Object.fromEntries(countries.map((c, i) => [c, a.quantities[i] ?? 0])),
    domesticProduction: a.domestic,
    wgi: Object.fromEntries(countries.map((c, i) => [c, a.wgi[i] ?? 0])),
    exportRestricting: a.restricted,
    partners: a.partners,
    recyclingShare: a.recycling,
    substitutionIndex: a.substitution,
    stockpileDays: a.stockpile,
  };
}

describe('resilienceScore properties (fast-check, 1,000 runs each)', () => {
  it('is always within 0–100 and never NaN', () => {
    fc.assert(
      fc.property(arbitraryInput, (a) => {
        const r = ok(build(a));
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
      }),
      { numRuns: 1000 },
    );
  });

  it('more stockpile or more recycling never lowers it', () => {
    fc.assert(
      fc.property(
        arbitraryInput,
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, extraDays, extraRecycling) => {
          const input = build(a);
          const before = ok(input).score;
          expect(
            ok({ ...input, stockpileDays: (input.stockpileDays ?? 0) + extraDays }).score,
          ).toBeGreaterThanOrEqual(before - 1e-9);
          const recycling = Math.min(1, (input.recyclingShare ?? 0) + extraRecycling);
          expect(ok({ ...input, recyclingShare: recycling }).score).toBeGreaterThanOrEqual(before - 1e-9);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('moving supply from a better- to a worse-governed supplier never raises it', () => {
    // The receiving supplier is at least as large (so concentration cannot fall) and has the same
    // restriction and partner status: only governance differs. METHOD.md states this precisely.
    fc.assert(
      fc.property(arbitraryInput, fc.double({ min: 0, max: 1, noNaN: true }), (a, fractionMoved) => {
        const input = build({ ...a, restricted: [], partners: [] });
        const [from, to] = [0, 1].sort((i, j) => (a.wgi[i] ?? 0) - (a.wgi[j] ?? 0)) as [number, number];
        const qFrom = a.quantities[from] ?? 0;
        const qTo = Math.max(a.quantities[to] ?? 0, qFrom);
        const [a1, b1] = [countries[from] ?? '', countries[to] ?? ''];
        const imports = { ...input.imports, [a1]: qFrom, [b1]: qTo };
        const moved = qFrom * fractionMoved;
        const before = ok({ ...input, imports }).score;
        const after = ok({
          ...input,
          imports: { ...imports, [a1]: qFrom - moved, [b1]: qTo + moved },
        }).score;
        expect(after).toBeLessThanOrEqual(before + 1e-9);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('chainScore', () => {
  it('reports the weakest stage as the bottleneck', () => {
    const mining = { ...japanDy, stage: 'mining' as const, imports: { CHN: 50, MYS: 50 } };
    const chain = chainScore({ mining, separation: japanDy });
    expect(chain.bottleneck).toBe('separation');
    expect(chain.score).toBe(chain.stages.find((s) => s.stage === 'separation')?.result.score);
    expect(chainScore({}).score).toBeNull();
  });
});
