// The examples METHOD.md works through, as data and code, so that a test recomputes every number it prints.
import type { DatasetRows } from '../dataset/entity-files.ts';
import { datasetFrom } from '../dataset/parse.ts';
import { EU_CRM_2023 } from '../indicators/eu-crm-2023.ts';
import { scoreFromDataset } from '../method/score-from-dataset.ts';
import { runScenario } from '../simulation/scenario.ts';
import type { ResilienceInput } from './resilience-input-schema.ts';

/** The component-by-component example: an illustration with round numbers, not a figure from the dataset. */
export const WORKED_EXAMPLE: ResilienceInput = {
  consumer: 'JPN',
  material: 'Dy',
  stage: 'separation',
  year: 2025,
  imports: { CHN: 90, MYS: 10 },
  wgi: { CHN: 5.67, MYS: 4.14 },
  exportRestricting: ['CHN'],
  partners: ['MYS'],
  recyclingShare: 0.01,
  substitutionIndex: 0.9,
  stockpileDays: 60,
};

const verified = { status: 'verified' } as const;
const share = (exporter: string, year: number, quantity: number, sourceId: string, material = 'REE') => ({
  importer: 'JPN',
  exporter,
  material,
  stage: 'separation',
  year,
  quantity,
  unit: 'share',
  basis: 'gross',
  sourceId,
  ...verified,
});

/** The EU CRM 2023 recycling rates and substitution indices per element, as the shipped dataset has them. */
const euIndicators = Object.entries(EU_CRM_2023).flatMap(([material, r]) => [
  {
    material,
    indicator: 'eol-rir',
    scope: 'EU',
    year: 2023,
    value: r.eolRir,
    sourceId: 'eu-crm-2023',
    ...verified,
  },
  {
    material,
    indicator: 'si-sr',
    scope: 'EU',
    year: 2023,
    value: r.siSr,
    sourceId: 'eu-crm-2023',
    ...verified,
  },
]);

/**
 * A few rows of the shipped dataset, as they stand in it: Japan's imports in 2009–2010 (Ministry of Finance via
 * Searchina; the 2010 tonnage via the WSJ), governance, China's export quotas, the embargo on Japan, and the EU
 * CRM 2023 recycling and substitution figures — so the back-test gives the portal's numbers.
 */
export const BACK_TEST_ROWS: DatasetRows = datasetFrom({
  sources: [
    {
      id: 'mof-via-searchina',
      citation: "Japan MOF trade statistics via Searchina: Japan's imports and China's share",
    },
    {
      id: 'wsj-2011-01-06',
      citation: 'The Wall Street Journal (2011-01-06): about 20,000 t from China in 2010',
    },
    { id: 'wgi-2022', citation: 'World Bank, Worldwide Governance Indicators 2022' },
    { id: 'gta-2092', citation: 'Global Trade Alert, state act 2092' },
    { id: 'reuters-2010-08', citation: 'Reuters (2010-08-20): China cuts its 2010 export quota 40 %' },
    { id: 'reuters-2011-12', citation: "Reuters (2011-12-27): China's export quotas, 2009–2012" },
    {
      id: 'eu-crm-2023',
      citation: 'European Commission, Study on the Critical Raw Materials for the EU 2023',
    },
  ],
  indicators: euIndicators,
  governance: [{ country: 'CHN', year: 2022, wgi: 5.67, sourceId: 'wgi-2022', ...verified }],
  trade: [
    share('CHN', 2009, 0.8549, 'mof-via-searchina'),
    share('CHN', 2010, 0.8161, 'mof-via-searchina'),
    { ...share('CHN', 2010, 20_000, 'wsj-2011-01-06'), unit: 't', status: 'estimated' },
  ],
  policies: [
    {
      id: 'china-embargo-japan-2010',
      country: 'CHN',
      kind: 'embargo',
      title: 'Halt of rare-earth exports to Japan',
      targetCountry: 'JPN',
      startDate: '2010-09-21',
      endDate: '2010-11-20',
      sourceId: 'gta-2092',
      status: 'estimated',
    },
    {
      id: 'china-export-quotas-2009-2014',
      country: 'CHN',
      kind: 'export-quota',
      title: "China's rare-earth export quotas and duties",
      startDate: '2009-01-01',
      endDate: '2015-01-01',
      sourceId: 'reuters-2011-12',
      status: 'estimated',
    },
    {
      id: 'china-quota-cut-2010',
      country: 'CHN',
      kind: 'export-quota',
      title: '2010 export quota cut by about 40 %',
      startDate: '2010-07-01',
      endDate: '2011-01-01',
      sourceId: 'reuters-2010-08',
      ...verified,
    },
  ],
});

const japan = (year: number, asOf?: string) =>
  scoreFromDataset(BACK_TEST_ROWS, {
    consumer: 'JPN',
    material: 'REE',
    stage: 'separation',
    year,
    today: '2026-12-01',
    ...(asOf ? { asOf } : {}),
  });

/** Japan's all-REE score at the end of 2009, during the embargo, and at the end of 2010. */
export function backTestScores() {
  return { end2009: japan(2009), embargo: japan(2010, '2010-10-15'), end2010: japan(2010) };
}

/**
 * The 2010 embargo run on the 2009 baseline: an index of 100 a year, China 85.49, the unallocated rest; spare
 * capacity 10 % of each source; no stockpile. The cuts are the observed ones: China's shipments to Japan fell from
 * 2,246 t in September 2010 to 1,278 t in October (−43 %) and 634 t in November (−72 %) (Japan's Ministry of
 * Finance, via SMM, 2010-12-27).
 */
export const EMBARGO_CUTS = { october: 1 - 1278 / 2246, november: 1 - 634 / 2246 } as const;

export function backTestEmbargo() {
  const supply = [
    { id: 'CHN', supplyPerYear: 85.49, spareCapacityPerYear: 8.549 },
    { id: 'unallocated', supplyPerYear: 14.51, spareCapacityPerYear: 1.451 },
  ];
  return runScenario({
    consumer: 'JPN',
    material: 'REE',
    stage: 'separation',
    baseline: { suppliers: supply, demandPerYear: 100, stockpileDays: 0, months: 12 },
    shocks: [
      { kind: 'exportCut', supplier: 'CHN', fraction: EMBARGO_CUTS.october, startMonth: 9, months: 1 },
      { kind: 'exportCut', supplier: 'CHN', fraction: EMBARGO_CUTS.november, startMonth: 10, months: 1 },
    ],
    wgi: { CHN: 5.67, unallocated: 0 },
    monteCarlo: { samples: 2000, seed: 2010 },
  });
}
