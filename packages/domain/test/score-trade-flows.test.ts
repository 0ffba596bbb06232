import { describe, expect, it } from 'vitest';
import { resilienceScore, resilienceScoreValue, scoreTradeFlows, syntheticDataset } from '../src/index.ts';

describe('scoring whole datasets', () => {
  const { flows, wgi } = syntheticDataset({ flows: 20_000, countries: 30, years: 3, seed: 5 });
  const context = {
    wgi,
    exportRestricting: () => ['AAA'],
    partners: () => ['AAB'],
    recyclingShare: () => 0.05,
    stockpileDays: () => 30,
  };

  it('gives one result per consumer × material × stage × year cell, equal to scoring that cell alone', () => {
    const results = scoreTradeFlows(flows, context);
    const cells = new Set(flows.map((f) => `${f.importer}|${f.material}|${f.stage}|${f.year}`));
    expect(results).toHaveLength(cells.size);
    for (const r of results.slice(0, 200)) {
      const imports: Record<string, number> = {};
      for (const f of flows) {
        if (
          f.importer === r.consumer &&
          f.material === r.material &&
          f.stage === r.stage &&
          f.year === r.year
        ) {
          imports[f.exporter] = (imports[f.exporter] ?? 0) + f.quantity;
        }
      }
      const input = {
        consumer: r.consumer,
        material: r.material as 'Nd',
        stage: r.stage as 'mining',
        year: r.year,
        imports,
        wgi,
        exportRestricting: ['AAA'],
        partners: ['AAB'],
        recyclingShare: 0.05,
        stockpileDays: 30,
      };
      const detailed = resilienceScore(input);
      expect(r.score).toBe(detailed.score);
      expect(resilienceScoreValue(input).score).toBe(detailed.score);
    }
  });

  it('the synthetic generator is reproducible for a seed', () => {
    expect(syntheticDataset({ flows: 100, seed: 9 })).toEqual(syntheticDataset({ flows: 100, seed: 9 }));
    expect(syntheticDataset({ flows: 100, seed: 9 }).flows).not.toEqual(
      syntheticDataset({ flows: 100, seed: 10 }).flows,
    );
  });
});
