// Reads a chart's data through the API (with the visitor's session: the API decides what they may see) and shapes
// it as a ChartTable. One loader per chart of params.ts.
import 'server-only';
import { serverApi } from '../api-server';
import type { ChartId, ChartParams } from './params';
import type { ChartTable } from './table';

type Api = Awaited<ReturnType<typeof serverApi>>;
type Loader<C extends ChartId> = (api: Api, params: ChartParams<C>) => Promise<ChartTable>;

const SHARE = 4;
const TONNES = 1;

type Concentration = Awaited<ReturnType<Api['production']['concentration']['query']>>;

/** Production shares of one material × stage × year: the world map's and an element's stage figures' data. */
function concentrationTable(d: Concentration, title: string): ChartTable {
  return {
    title,
    datasetVersion: d.datasetVersion,
    sources: d.sources,
    columns: [
      { name: 'country', description: 'ISO 3166-1 alpha-3 code' },
      { name: 'name', description: 'country name' },
      {
        name: 'value',
        description: d.unit === 't' ? `production, tonnes ${d.basis}` : 'share as published',
        digits: TONNES,
      },
      { name: 'share', description: 'share of world production (0–1)', digits: SHARE },
      { name: 'basis', description: 'what the tonnes or shares count (e.g. REO: rare-earth oxide)' },
      { name: 'material_used', description: 'whose figures were used (the material, or a stand-in)' },
      { name: 'year_used', description: 'the year of the figures used' },
    ],
    rows: d.rows.map((r) => ({
      cells: { ...r, basis: d.basis, material_used: d.materialUsed, year_used: d.yearUsed },
    })),
    notes: [
      `Editions used: ${d.editions.join(', ') || 'none'}.`,
      `Unallocated share (not attributed to a named country): ${d.unallocatedShare.toFixed(SHARE)}.`,
      ...(d.note ? [d.note] : []),
    ],
  };
}

const worldMap: Loader<'world-map'> = async (api, p) => {
  const d = await api.production.concentration.query(p);
  return concentrationTable(d, `Production shares: ${d.material}, ${d.stage}, ${d.year}`);
};

const chinaShare: Loader<'china-share'> = async (api, p) => {
  const d = await api.supply.importSources.query({ importer: p.consumer, exporter: 'CHN', asOf: p.asOf });
  return {
    title: `${p.consumer}: imports from China`,
    datasetVersion: d.datasetVersion,
    sources: d.sources,
    columns: [
      { name: 'year', description: 'calendar year' },
      { name: 'material', description: 'material traded' },
      { name: 'stage', description: 'stage of the chain the goods come from' },
      {
        name: 'quantity',
        description: 'tonnes, or share of imports (0–1) when unit is "share"',
        digits: SHARE,
      },
      { name: 'unit', description: 't or share' },
      { name: 'status', description: 'verified, estimated or unverified' },
      { name: 'source_id', description: 'the source of the figure (see metadata.json)' },
    ],
    rows: d.flows.map((f) => ({
      sourceId: f.sourceId,
      cells: { ...f, source_id: f.sourceId },
    })),
    notes: [
      'One row per figure a source gives; the chart plots the rows with unit "share" and material REE.',
    ],
  };
};

const scoreTrend: Loader<'score-trend'> = async (api, p) => {
  const d = await api.score.trend.query(p);
  return {
    title: `Resilience score trend: ${p.consumer}, ${p.material}, ${p.stage}`,
    datasetVersion: d.datasetVersion,
    sources: [],
    columns: [
      { name: 'year', description: 'calendar year' },
      { name: 'score', description: 'resilience score, 0–100 (empty: insufficient data)', digits: 1 },
      { name: 'coverage', description: 'share of imports the score covers (0–1)', digits: SHARE },
      { name: 'imports_material', description: 'whose imports were used (the material, or a stand-in)' },
    ],
    rows: d.points.map((pt) => ({
      cells: { year: pt.year, score: pt.score, coverage: pt.coverage, imports_material: pt.importsMaterial },
    })),
    notes: [
      "Scores by the method in packages/domain/METHOD.md; each year's sources are in that year's score explained (/score?consumer=…&year=…) and its metadata.json.",
    ],
  };
};

const stageShares: Loader<'stage-shares'> = async (api, p) => {
  const d = await api.production.concentration.query(p);
  return concentrationTable(d, `${p.material}: shares at the ${p.stage} stage, ${d.yearUsed}`);
};

const score: Loader<'score'> = async (api, p) => {
  const d = await api.score.explain.query(p);
  return {
    title: `Score explained: ${p.consumer}, ${p.material}, ${p.stage}, ${d.result.year}`,
    datasetVersion: d.datasetVersion,
    sources: d.sources,
    columns: [
      { name: 'component', description: 'score component' },
      { name: 'risk', description: 'normalised risk, 0 (none) to 1 (worst)', digits: SHARE },
      { name: 'weight', description: 'weight after renormalising over components with data', digits: SHARE },
      { name: 'quality', description: 'data quality of the inputs, 0–1', digits: 2 },
      { name: 'points', description: 'points this component adds; they sum to the score', digits: 2 },
      { name: 'max_points', description: 'points with no risk', digits: 2 },
      { name: 'source_ids', description: 'sources behind the component (see metadata.json)' },
    ],
    rows: [
      ...d.result.components.map((c) => ({
        cells: {
          component: c.id,
          risk: c.risk,
          weight: c.weight,
          quality: c.quality,
          points: c.points,
          max_points: c.maxPoints,
          source_ids: (d.provenance[c.id]?.sourceIds ?? []).join(' '),
        },
      })),
      { cells: { component: 'score', points: d.result.score, max_points: 100 } },
    ],
    notes: [`Method ${d.result.methodVersion}; controls and agreements as of ${d.asOfDate}.`],
  };
};

const facilities: Loader<'facilities'> = async (api, p) => {
  const first = await api.supply.facilities.query({ ...p, page: 1, pageSize: 100 });
  const items = [...first.items];
  for (let page = 2; items.length < first.pageInfo.total; page++) {
    const next = await api.supply.facilities.query({ ...p, page, pageSize: 100 });
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  const names = ['id', 'name', 'operator', 'country', 'latitude', 'longitude', 'stage', 'products'] as const;
  return {
    title: 'Facilities',
    datasetVersion: first.datasetVersion,
    sources: first.sources,
    columns: [
      ...names.map((name) => ({
        name,
        description: name,
        ...(name === 'latitude' || name === 'longitude' ? { digits: 4 } : {}),
      })),
      { name: 'capacity_per_year', description: 'capacity a year, in capacity_unit', digits: TONNES },
      { name: 'capacity_unit', description: 'unit of the capacity' },
      { name: 'capacity_basis', description: 'what the capacity counts' },
      { name: 'capacity_kind', description: 'design, output or target' },
      { name: 'capacity_product', description: 'the product the capacity is of' },
      { name: 'operating_status', description: 'operating, construction, planned, …' },
      { name: 'start_year', description: 'first year of operation' },
      { name: 'status', description: 'verified, estimated or unverified' },
      { name: 'source_id', description: 'the source of the row (see metadata.json)' },
    ],
    rows: items.map((f) => ({
      sourceId: f.sourceId,
      cells: {
        ...f,
        products: f.products.join(';'),
        capacity_per_year: f.capacityPerYear,
        capacity_unit: f.capacityUnit,
        capacity_basis: f.capacityBasis,
        capacity_kind: f.capacityKind,
        capacity_product: f.capacityProduct ?? null,
        operating_status: f.operatingStatus,
        start_year: f.startYear,
        source_id: f.sourceId,
      },
    })),
    notes: ["Every facility that matches the filters, in the table's sort order (not only the page shown)."],
  };
};

const countryProduction: Loader<'country-production'> = async (api, p) => {
  const d = await api.supply.countryProfile.query({ iso3: p.iso3, asOf: p.asOf });
  return {
    title: `${d.name}: production`,
    datasetVersion: d.datasetVersion,
    sources: d.sources,
    columns: [
      { name: 'stage', description: 'stage of the chain' },
      { name: 'material', description: 'material' },
      { name: 'year', description: 'calendar year' },
      { name: 'quantity', description: 'in unit', digits: TONNES },
      { name: 'unit', description: 't or share' },
      { name: 'basis', description: 'what the quantity counts (e.g. REO)' },
      { name: 'projection', description: 'true for a forecast' },
      { name: 'status', description: 'verified, estimated or unverified' },
      { name: 'source_id', description: 'the source of the figure (newest edition; see metadata.json)' },
    ],
    rows: d.production.map(({ alsoReported: _others, ...r }) => ({
      sourceId: r.sourceId,
      cells: { ...r, source_id: r.sourceId },
    })),
    notes: ['One figure per cell: the newest edition of a series; other editions are in the bulk download.'],
  };
};

export const CHART_LOADERS: { [C in ChartId]: Loader<C> } = {
  'world-map': worldMap,
  'china-share': chinaShare,
  'score-trend': scoreTrend,
  'stage-shares': stageShares,
  score,
  facilities,
  'country-production': countryProduction,
};

export async function loadChart<C extends ChartId>(chart: C, params: ChartParams<C>): Promise<ChartTable> {
  return (CHART_LOADERS[chart] as Loader<C>)(await serverApi(), params);
}
