import { describe, expect, it } from 'vitest';
import { cellMix, type MixRow, mixConcentration, mixFromRows } from '../../src/index.ts';

const row = (
  country: string,
  quantity: number,
  unit: MixRow['unit'] = 't',
  sourceId = 'usgs-mcs-2026',
): MixRow => ({
  country,
  quantity,
  unit,
  basis: 'REO',
  sourceId,
  status: 'verified',
});

describe('shares from incomplete data', () => {
  it('never turns a partial list of tonnages into shares: Japan 2010 takes the share row (defect 2)', () => {
    const mix = mixFromRows([row('CHN', 20000), row('CHN', 0.816, 'share')]);
    expect(mix).toMatchObject({ method: 'published-shares', shares: { CHN: 0.816 } });
    expect('unallocated' in mix && mix.unallocated).toBeCloseTo(0.184, 12);
  });

  it("one country's tonnage with no world total is not a share (defect 5: NdPr separation)", () => {
    const mix = mixFromRows([row('USA', 1294, 't', 'mp-materials-reports')]);
    expect(mix).toEqual({
      reason: 'tonnages for USA without a total: a partial list of tonnages is not a share of supply',
    });
  });

  it('"other countries" is unallocated, never a supplier (defect 3)', () => {
    const mix = mixFromRows([row('CHN', 270000), row('USA', 51000), row('ROW', 550), row('WLD', 390000)]);
    if (!('shares' in mix)) throw new Error(mix.reason);
    expect(Object.keys(mix.shares)).toEqual(['CHN', 'USA']);
    expect(mix.shares.CHN).toBeCloseTo(270000 / 390000, 12);
    // Other countries plus what the rounded world total leaves: 1 − 321,000 / 390,000.
    expect(mix.unallocated).toBeCloseTo(1 - 321000 / 390000, 12);
    const c = mixConcentration(mix);
    expect(c.hhiUpper).toBeGreaterThan(c.hhi);
  });

  it('takes the newest edition for a cell and keeps the older one aside; an edition may be asked for', () => {
    const sources = new Map([
      [
        'usgs-mcs-2025',
        { id: 'usgs-mcs-2025', citation: 'MCS 2025', publishedOn: '2025-01-31', series: 'usgs-mcs' },
      ],
      [
        'usgs-mcs-2026',
        { id: 'usgs-mcs-2026', citation: 'MCS 2026', publishedOn: '2026-02-01', series: 'usgs-mcs' },
      ],
    ]);
    const rows = [
      row('CHN', 270000, 't', 'usgs-mcs-2025'),
      row('AUS', 13000, 't', 'usgs-mcs-2025'),
      row('WLD', 390000, 't', 'usgs-mcs-2025'),
      row('CHN', 270000, 't', 'usgs-mcs-2026'),
      row('AUS', 29000, 't', 'usgs-mcs-2026'),
      row('WLD', 380000, 't', 'usgs-mcs-2026'),
    ];
    const newest = cellMix(rows, sources);
    expect(newest.mix?.sourceIds).toEqual(['usgs-mcs-2026']);
    expect(newest.mix?.tonnes?.AUS).toBe(29000);
    expect(newest.otherSources).toEqual(['usgs-mcs-2025']);
    expect(cellMix(rows, sources, 'usgs-mcs-2025').mix?.tonnes?.AUS).toBe(13000);
  });

  it('refuses published shares that add up to more than 100 %', () => {
    expect(mixFromRows([row('CHN', 0.8, 'share'), row('MYS', 0.3, 'share')])).toEqual({
      reason: 'the published shares add up to 110.0 %, more than 100 %',
    });
  });
});
