import { describe, expect, it } from 'vitest';
import { euSupplyRisk, supplyRiskFromDataset } from '../../src/index.ts';
import { dataset, japanOutline, produced } from './fixture.ts';

const outline = japanOutline();
const data = dataset({
  ...outline,
  production: [
    produced('CHN', 'separation', 'Dy', 2025, 0.99, 'share', 'eu'),
    produced('MYS', 'separation', 'Dy', 2025, 0.01, 'share', 'eu'),
    produced('CHN', 'separation', 'Dy', 2010, 1, 'share', 'eu'),
  ],
  indicators: [
    ...outline.indicators,
    ...[2010, 2025].map((year) => ({
      material: 'Dy' as const,
      indicator: 'import-reliance' as const,
      scope: 'EU',
      year,
      value: 1,
      sourceId: 'eu',
      status: 'verified' as const,
    })),
    ...[2010, 2025].flatMap((year) =>
      (['eol-rir', 'si-sr'] as const).map((indicator) => ({
        material: 'Dy' as const,
        indicator,
        scope: 'EU',
        year,
        value: indicator === 'si-sr' ? 0.99 : 0.01,
        sourceId: 'eu',
        status: 'verified' as const,
      })),
    ),
  ],
});
const processing = (r: ReturnType<typeof supplyRiskFromDataset>) => {
  if (!('supplyRisk' in r.processing)) throw new Error(r.processing.missing);
  return r.processing;
};

describe('the EU supply risk from a dataset, as of a date', () => {
  it('names the controls in force on the as-of date and, by the EU 2023 convention, applies no trade factor', () => {
    const r = supplyRiskFromDataset(data, { material: 'Dy', year: 2025 });
    expect(r.asOf).toBe('2025-12-31');
    expect(r.controls.restricting).toEqual(['CHN']);
    expect(r.inputs.tradeFactors).toEqual({});
    const plain = euSupplyRisk({
      globalSupply: { CHN: 0.99, MYS: 0.01 },
      wgi: { CHN: 5.67, MYS: 4.14 },
      importReliance: 1,
      eolRir: 0.01,
      substitutionIndex: 0.99,
    });
    expect(processing(r).supplyRisk).toBeCloseTo(plain.supplyRisk, 12);
    expect(r.controls.notes[0]).toMatch(
      /^no trade factor applied to CHN despite export controls in force on 2025-12-31/,
    );
  });

  it("before China's April 2025 licensing took effect, no Dy control is in force", () => {
    const r = supplyRiskFromDataset(data, { material: 'Dy', year: 2025, asOf: '2025-04-03' });
    expect(r.controls.restricting).toEqual([]);
    const withFactor = supplyRiskFromDataset(data, {
      material: 'Dy',
      year: 2025,
      asOf: '2025-04-03',
      restrictedTradeFactor: 1.5,
    });
    expect(processing(withFactor).supplyRisk).toBe(processing(r).supplyRisk);
  });

  it('an analyst-set trade factor applies to the restricting supplier only while its control is in force', () => {
    const r = supplyRiskFromDataset(data, { material: 'Dy', year: 2025, restrictedTradeFactor: 1.5 });
    expect(r.inputs.tradeFactors).toEqual({ CHN: 1.5 });
    const expected = euSupplyRisk({
      globalSupply: { CHN: 0.99, MYS: 0.01 },
      wgi: { CHN: 5.67, MYS: 4.14 },
      tradeFactors: { CHN: 1.5 },
      importReliance: 1,
      eolRir: 0.01,
      substitutionIndex: 0.99,
    });
    expect(processing(r).supplyRisk).toBeCloseTo(expected.supplyRisk, 12);
    expect(r.controls.notes[0]).toBe(
      'trade factor 1.5 applied to CHN (export controls in force on 2025-12-31)',
    );
  });

  it('the 2010 quota counts in 2010 but not after it ended; suspended packages are named as not in force', () => {
    const mid2010 = supplyRiskFromDataset(data, { material: 'Dy', year: 2010, asOf: '2010-08-01' });
    expect(mid2010.controls.restricting).toEqual(['CHN']);
    const er = supplyRiskFromDataset(data, { material: 'Er', year: 2025 });
    expect(er.controls.restricting).toEqual([]);
    expect(er.controls.notes.join('\n')).toMatch(
      /No\. 57 — not in force on 2025-12-31: suspended on 2025-11-07 before it took effect/,
    );
  });

  it('refuses an as-of date outside the year and a trade factor outside the method’s range', () => {
    expect(() => supplyRiskFromDataset(data, { material: 'Dy', year: 2025, asOf: '2024-12-31' })).toThrow(
      /the as-of date lies in the year asked/,
    );
    expect(() =>
      supplyRiskFromDataset(data, { material: 'Dy', year: 2025, restrictedTradeFactor: 3 }),
    ).toThrow();
  });
});
