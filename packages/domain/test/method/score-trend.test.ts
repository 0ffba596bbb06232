import { describe, expect, it } from 'vitest';
import { type DatasetRows, scoreFromDataset, scoreTrend } from '../../src/index.ts';
import { japanOutline } from './fixture.ts';

const today = '2026-12-01';

/** `data` with a count of how often the score reads its indicator and stockpile rows. */
function counted(data: DatasetRows) {
  const reads = { indicators: 0, stockpiles: 0 };
  const view = {
    ...data,
    get indicators() {
      reads.indicators++;
      return data.indicators;
    },
    get stockpiles() {
      reads.stockpiles++;
      return data.stockpiles;
    },
  } as DatasetRows;
  return { view, reads };
}

describe('the score trend', () => {
  it('is, year by year, exactly what scoreFromDataset says', () => {
    const data = japanOutline();
    for (const material of ['Dy', 'NdPr', 'REE', 'Tb'] as const) {
      const query = { consumer: 'JPN', material, stage: 'separation', today } as const;
      const trend = scoreTrend(data, query);
      expect(trend.length).toBeGreaterThan(0);
      for (const point of trend) {
        const { year, ...score } = point;
        expect(score).toEqual(scoreFromDataset(data, { ...query, year }));
      }
    }
  });

  it('reads the indicator and stockpile rows once for all years, not once per year', () => {
    const { view, reads } = counted(japanOutline());
    const trend = scoreTrend(view, { consumer: 'JPN', material: 'Dy', stage: 'separation', today });
    expect(trend.map((p) => p.year)).toEqual([2010, 2025]);
    expect(reads).toEqual({ indicators: 1, stockpiles: 1 });
  });
});
