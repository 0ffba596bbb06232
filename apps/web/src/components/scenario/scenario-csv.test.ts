import { describe, expect, it } from 'vitest';
import { describeShock, scenarioCsv } from './scenario-csv';

const provenance = {
  datasetVersion: { id: 'v1', label: 'Reference 2026.1', publishedOn: '2026-12-01' },
  year: 2025,
  sources: [
    {
      id: 'usgs-mcs-2025',
      citation: 'USGS, Mineral Commodity Summaries 2025',
      url: null,
      publishedOn: '2025-01-31',
      accessedOn: null,
      licence: null,
      redistribution: null,
      stale: false,
    },
  ],
};

describe('scenario CSV', () => {
  it('says each shock in words, months counted from 1', () => {
    expect(
      describeShock({ kind: 'exportCut', supplier: 'CHN', fraction: 0.5, startMonth: 0, months: 6 }, 1),
    ).toBe('Shock 1: export cut by CHN of 50 % from month 1 for 6 months');
    expect(describeShock({ kind: 'demandSurge', fraction: 0.123456, startMonth: 2, months: 3 }, 2)).toBe(
      'Shock 2: demand surge of 12.35 % from month 3 for 3 months',
    );
    expect(
      describeShock(
        {
          kind: 'facilityOutage',
          facility: 'lynas-malaysia',
          supplier: 'MYS',
          lostPerYear: 5.556,
          startMonth: 0,
          months: 2,
        },
        3,
      ),
    ).toBe('Shock 3: outage of lynas-malaysia (MYS), 5.56 lost per year from month 1 for 2 months');
  });

  it('carries the sources, the baseline and the shocks, with rows rounded and their basis', () => {
    const doc = scenarioCsv({
      name: 'embargo',
      input: {
        consumer: 'JPN',
        material: 'Dy',
        stage: 'separation',
        baseline: {
          suppliers: [{ id: 'CHN', supplyPerYear: 99, spareCapacityPerYear: 9.9, partner: false }],
          demandPerYear: 100,
          stockpileDays: 90,
          partnersFirst: true,
          months: 12,
        },
        shocks: [{ kind: 'exportCut', supplier: 'CHN', fraction: 1, startMonth: 0, months: 2 }],
        wgi: {},
        monteCarlo: { samples: 1000, seed: 1 },
      },
      series: [
        {
          month: 0,
          demand: 8.333333,
          supplied: 0.1 + 0.2,
          fromStockpile: 8.0333333,
          shortfall: 0,
          stockpileLeft: 16.6,
        },
      ],
      provenance,
      basis: 'index',
    });
    expect(doc.sources).toEqual(provenance.sources);
    expect(doc.datasetVersion).toBe('Reference 2026.1');
    expect(doc.notes).toEqual([
      'Baseline: JPN · Dy · separation, base year 2025; demand 100 a year, stockpile 90 days',
      'Shock 1: export cut by CHN of 100 % from month 1 for 2 months',
    ]);
    expect(doc.headers.at(-1)).toBe('basis');
    expect(doc.rows).toEqual([[1, 8.33, 0.3, 8.03, 0, 16.6, 'index']]);
  });
});
