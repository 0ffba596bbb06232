import { describe, expect, it } from 'vitest';
import { type ChartSource, type ChartTable, chartCsv, chartMetadata, licensedRows, rounded } from './table';

const source = (id: string, redistribution: ChartSource['redistribution']): ChartSource => ({
  id,
  citation: `Citation of ${id}`,
  url: null,
  publishedOn: '2025-01-01',
  accessedOn: '2026-12-01',
  licence: redistribution === 'withheld' ? '© the publisher' : 'Public domain',
  redistribution,
});

const table = (sources: ChartSource[], rows: ChartTable['rows']): ChartTable => ({
  title: 'Prices',
  datasetVersion: { id: 'v1', label: 'Reference 2026.12' },
  sources,
  columns: [
    { name: 'material', description: 'material' },
    { name: 'price', description: 'USD/kg', digits: 2 },
  ],
  rows,
  notes: ['a note'],
});

describe('chart data.csv', () => {
  it('is clean: one header row, rows with numbers rounded for people, formulas neutralised', () => {
    const csv = chartCsv(
      table(
        [source('usgs', 'open')],
        [
          { sourceId: 'usgs', cells: { material: 'Dy', price: 0.1 + 0.2 } },
          { sourceId: 'usgs', cells: { material: '=cmd', price: 1234.5678 } },
        ],
      ),
    );
    expect(csv).toBe("material,price\nDy,0.3\n'=cmd,1234.57\n");
    expect(csv).not.toMatch(/^#/m);
  });

  it('leaves out the rows of a withheld source, and metadata.json lists it with the row count', () => {
    const t = table(
      [source('usgs', 'open'), source('argus', 'withheld')],
      [
        { sourceId: 'usgs', cells: { material: 'Dy', price: 300 } },
        { sourceId: 'argus', cells: { material: 'Dy', price: 900 } },
        { sourceId: 'argus', cells: { material: 'Tb', price: 3000 } },
      ],
    );
    expect(chartCsv(t)).toBe('material,price\nDy,300\n');
    const meta = chartMetadata(
      t,
      'prices',
      { material: 'Dy' },
      { csv: 'c', metadata: 'm', page: 'p' },
      '2026-12-03',
    );
    expect(meta.rows).toBe(1);
    expect(meta.withheld).toEqual([
      expect.objectContaining({ sourceId: 'argus', rows: 2, licence: '© the publisher' }),
    ]);
    expect(meta.sources.map((s) => [s.id, s.licence, s.accessedOn])).toEqual([
      ['usgs', 'Public domain', '2026-12-01'],
      ['argus', '© the publisher', '2026-12-01'],
    ]);
    expect(meta.citation).toContain('Reference 2026.12');
    expect(meta.citation).toContain('accessed 2026-12-03');
    expect(meta.processingNotes).toContain('a note');
    expect(meta.columns[1]).toEqual({ name: 'price', description: 'USD/kg', roundedTo: 2 });
  });

  it('withholds derived rows (shares, scores) when any source behind them is withheld or says nothing', () => {
    const derived = [{ cells: { material: 'Dy', price: 1 } }, { cells: { material: 'Tb', price: 2 } }];
    expect(licensedRows(table([source('usgs', 'open')], derived)).kept).toHaveLength(2);
    const blocked = licensedRows(table([source('usgs', 'open'), source('unsaid', null)], derived));
    expect(blocked.kept).toEqual([]);
    expect(blocked.withheld).toEqual([expect.objectContaining({ sourceId: 'unsaid', rows: 2 })]);
  });

  it('rounds only finite numbers with digits', () => {
    expect(rounded(1.23456, 2)).toBe(1.23);
    expect(rounded(1.23456, undefined)).toBe(1.23456);
    expect(rounded('x', 2)).toBe('x');
    expect(rounded(null, 2)).toBe(null);
  });
});
