import { describe, expect, it } from 'vitest';
import { newestEditions, onePerCell, Source } from '../../src/index.ts';

const sources = new Map(
  [
    { id: 'mcs-2024', citation: 'USGS MCS 2024', publishedOn: '2024-01-31', series: 'usgs-mcs' },
    { id: 'mcs-2023', citation: 'USGS MCS 2023', publishedOn: '2023-01-31', series: 'usgs-mcs' },
    { id: 'myb-2022', citation: 'USGS MYB 2022', publishedOn: '2025-06-01', series: 'usgs-myb' },
  ].map((s) => [s.id, Source.parse(s)]),
);
const row = (year: number, quantity: number, sourceId: string) => ({ year, quantity, sourceId });
const cellOf = (r: { year: number }) => String(r.year);

describe('one figure per cell', () => {
  it("shows a year once: the newest publication's figure, the other publications' beside it", () => {
    const rows = [
      row(2022, 210_000, 'mcs-2023'),
      row(2022, 210_000, 'mcs-2024'),
      row(2022, 210_000, 'myb-2022'),
      row(2023, 240_000, 'mcs-2024'),
    ];
    const cells = onePerCell(newestEditions(rows, sources, cellOf), sources, cellOf);
    expect(cells.map((c) => [c.row.year, c.row.sourceId, c.others.map((o) => o.sourceId)])).toEqual([
      [2022, 'myb-2022', ['mcs-2024']], // the older MCS edition is not another publication's figure: dropped
      [2023, 'mcs-2024', []],
    ]);
  });
});
