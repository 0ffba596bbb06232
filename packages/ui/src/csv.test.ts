import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from './csv';

describe('toCsv', () => {
  it('writes the header block, quotes per RFC 4180 and neutralises formulas', () => {
    const csv = toCsv({
      title: 'World mine production, 2024',
      sources: [{ id: 'usgs-mcs-2025', citation: 'USGS, Mineral Commodity Summaries 2025, Rare Earths' }],
      datasetVersion: 'Reference 2026.1',
      headers: ['Country', 'Production (t)'],
      rows: [
        ['China', 270000],
        ['=HYPERLINK("http://x")', -5],
        ['Burma, "Myanmar"', 31000],
        ['@SUM(A1)', null],
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      '"# World mine production, 2024"',
      '# Dataset version: Reference 2026.1',
      '"# Source usgs-mcs-2025: USGS, Mineral Commodity Summaries 2025, Rare Earths"',
      'Country,Production (t)',
      'China,270000',
      `"'=HYPERLINK(""http://x"")",-5`,
      '"Burma, ""Myanmar""",31000',
      "'@SUM(A1),",
      '',
    ]);
  });

  it('writes notes as header lines after the sources (the # keeps a formula from running)', () => {
    const csv = toCsv({
      title: 'Scenario',
      sources: [],
      datasetVersion: 'Reference 2026.1',
      notes: ['Shock 1: export cut by CHN of 100 % from month 1 for 2 months', '=cmd'],
      headers: ['month'],
      rows: [[1]],
    });
    expect(csv.split('\r\n')).toEqual([
      '# Scenario',
      '# Dataset version: Reference 2026.1',
      '# Shock 1: export cut by CHN of 100 % from month 1 for 2 months',
      '# =cmd',
      'month',
      '1',
      '',
    ]);
  });

  it('neutralises every dangerous first character, and nothing else', () => {
    for (const s of ['=1+1', '+1', '-1', '@x', '\tx', '\rx', '\0x']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('Japan')).toBe('Japan');
  });
});
