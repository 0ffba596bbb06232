// A small dataset built through the entity schemas (so defaults are filled as a load would fill them).
import { type DatasetRows, datasetFrom } from '../../src/index.ts';

export const dataset = datasetFrom;

const v = { status: 'verified' } as const;
export const source = (id: string, publishedOn?: string, series?: string) => ({
  id,
  citation: `Citation of ${id}`,
  ...(publishedOn ? { publishedOn } : {}),
  ...(series ? { series } : {}),
});
export const share = (
  importer: string,
  exporter: string,
  material: string,
  year: number,
  quantity: number,
  sourceId = 'customs',
) => ({
  importer,
  exporter,
  material,
  stage: 'separation',
  year,
  quantity,
  unit: 'share',
  sourceId,
  ...v,
});
export const tonnes = (
  importer: string,
  exporter: string,
  material: string,
  year: number,
  quantity: number,
  sourceId = 'customs',
) => ({
  ...share(importer, exporter, material, year, 0, sourceId),
  quantity,
  unit: 't',
});
export const produced = (
  country: string,
  stage: string,
  material: string,
  year: number,
  quantity: number,
  unit: 't' | 'share',
  sourceId: string,
) => ({ country, stage, material, year, quantity, unit, basis: 'REO', sourceId, ...v });
export const wgi = (country: string, value: number) => ({
  country,
  year: 2022,
  wgi: value,
  sourceId: 'wgi',
  ...v,
});

/** Japan's situation in outline: Dy almost all Chinese, NdPr largely from Lynas Malaysia; China's April 2025
 * licensing (Dy, not Nd/Pr) and the October 2025 package that was suspended before it took effect. */
export function japanOutline(): DatasetRows {
  return dataset({
    sources: [
      source('customs'),
      source('wgi'),
      source('mofcom'),
      source('jare'),
      source('eu'),
      source('meti'),
    ],
    governance: [wgi('CHN', 5.67), wgi('MYS', 4.14), wgi('AUS', 2.02), wgi('VNM', 5.67)],
    trade: [
      tonnes('JPN', 'CHN', 'REE', 2010, 20000),
      share('JPN', 'CHN', 'REE', 2010, 0.816),
      share('JPN', 'CHN', 'REE', 2025, 0.6),
      share('JPN', 'CHN', 'Dy', 2025, 0.99),
      share('JPN', 'MYS', 'NdPr', 2025, 0.7),
    ],
    policies: [
      {
        id: 'april-2025',
        country: 'CHN',
        kind: 'export-control',
        title: 'No. 18',
        elements: ['Sm', 'Gd', 'Tb', 'Dy', 'Lu', 'Sc', 'Y'],
        startDate: '2025-04-04',
        sourceId: 'mofcom',
        ...v,
      },
      {
        id: 'october-2025',
        country: 'CHN',
        kind: 'export-control',
        title: 'No. 57',
        elements: ['Ho', 'Er', 'Tm', 'Eu', 'Yb'],
        startDate: '2025-10-09',
        effectiveOn: '2025-11-08',
        suspendedOn: '2025-11-07',
        suspendedUntil: '2026-11-10',
        sourceId: 'mofcom',
        ...v,
      },
      {
        id: 'quota-2010',
        country: 'CHN',
        kind: 'export-quota',
        title: 'Quota cut',
        startDate: '2010-07-01',
        endDate: '2011-01-01',
        sourceId: 'mofcom',
        ...v,
      },
    ],
    partnerships: [
      {
        id: 'jare-lynas-2023',
        country: 'JPN',
        partner: 'AUS',
        role: 'Mining partner',
        startDate: '2023-03-07',
        endDate: '2038-12-31',
        securesSupply: true,
        materials: ['NdPr', 'Dy', 'Tb'],
        supplierCountries: ['MYS'],
        sourceId: 'jare',
        ...v,
      },
    ],
    indicators: [
      { material: 'Dy', indicator: 'eol-rir', scope: 'EU', year: 2023, value: 0.01, sourceId: 'eu', ...v },
      { material: 'Dy', indicator: 'si-sr', scope: 'EU', year: 2023, value: 0.99, sourceId: 'eu', ...v },
      { material: 'Nd', indicator: 'si-sr', scope: 'EU', year: 2023, value: 0.99, sourceId: 'eu', ...v },
    ],
    stockpiles: [
      {
        holder: 'JOGMEC',
        country: 'JPN',
        material: 'REE',
        days: 60,
        kind: 'target',
        year: 2020,
        sourceId: 'meti',
        ...v,
      },
      {
        holder: 'JOGMEC',
        country: 'JPN',
        material: 'REE',
        kind: 'undisclosed',
        year: 2020,
        sourceId: 'meti',
        ...v,
      },
    ],
  });
}
