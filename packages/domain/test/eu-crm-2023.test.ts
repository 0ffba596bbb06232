import { describe, expect, it } from 'vitest';
import { EU_CRM_2023, reproduceEuCrm2023 } from '../src/index.ts';

describe('the EU CRM 2023 supply risk, reproduced from the published inputs', () => {
  const results = reproduceEuCrm2023();
  const by = Object.fromEntries(results.map((r) => [r.element, r]));

  it('reproduces Dy, Er, Eu, Ho, Lu, Tm, Yb and Gd: processing, global supply 100 % China at WGI 5.67', () => {
    for (const element of ['Dy', 'Er', 'Eu', 'Ho', 'Lu', 'Tm', 'Yb', 'Gd']) {
      expect(by[element]?.matches, element).toBe(true);
      expect(by[element]?.reproduced, element).toBeCloseTo(by[element]?.published ?? 0, 1);
    }
    expect(by.Dy?.reproduced).toBeCloseTo(5.67 * 0.99 * 0.99, 12);
    expect(by.Gd?.reproduced).toBeCloseTo(5.67 * 0.99 * 0.59, 12);
  });

  it('says why Tb, Y, the light rare earths and Sc cannot be reproduced', () => {
    expect(by.Tb).toMatchObject({ matches: false, published: 4.9 });
    expect(by.Tb?.reproduced).toBeCloseTo(5.16, 2);
    expect(by.Y).toMatchObject({ matches: false, published: 3.5 });
    for (const element of ['La', 'Ce', 'Pr', 'Nd', 'Sm', 'Sc']) {
      expect(by[element]?.reproduced, element).toBeNull();
      expect(by[element]?.why, element).toMatch(/not public here/);
    }
    expect(results).toHaveLength(16); // every assessed rare earth; promethium is not assessed
    expect(Object.values(EU_CRM_2023).every((r) => r.supplyRisk >= 1 && r.economicImportance >= 2.8)).toBe(
      true,
    );
  });
});
