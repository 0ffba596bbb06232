import { describe, expect, it } from 'vitest';
import { MixedBasisError, ProductionRecord, sumTonnes } from '../src/index.ts';

describe('quantities', () => {
  it('adds tonnes on the same basis across units', () => {
    expect(
      sumTonnes([
        { value: 2, unit: 'kt', basis: 'REO' },
        { value: 500, unit: 't', basis: 'REO' },
      ]),
    ).toEqual({ value: 2500, unit: 't', basis: 'REO' });
  });

  it('refuses to mix REO with gross weight, or shares with tonnes', () => {
    expect(() =>
      sumTonnes([
        { value: 1, unit: 't', basis: 'REO' },
        { value: 1, unit: 't', basis: 'gross' },
      ]),
    ).toThrow(MixedBasisError);
    expect(() =>
      sumTonnes([
        { value: 1, unit: 't', basis: 'REO' },
        { value: 0.5, unit: 'share', basis: 'REO' },
      ]),
    ).toThrow(/a share/);
  });

  it('a production record refuses a share above 1 and names the field', () => {
    const result = ProductionRecord.safeParse({
      country: 'CHN',
      stage: 'separation',
      material: 'REE',
      year: 2023,
      quantity: 1.7,
      unit: 'share',
      basis: 'REO',
      sourceId: 'iea-gcmo-2024',
      status: 'verified',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['quantity']);
  });
});
