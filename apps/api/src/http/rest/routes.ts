// The REST API's routes, one line of wiring each: the procedure's input and output schemas, and the call.
import { Concentration, ConcentrationInput } from '../../queries/concentration.ts';
import { Demand, DemandInput } from '../../queries/demand.ts';
import { FacilitiesInput, FacilitiesPage } from '../../queries/facilities.ts';
import { FacilityPoints, FacilityPointsInput } from '../../queries/facility-points.ts';
import { ImportSources, ImportSourcesInput } from '../../queries/imports.ts';
import { ScoreExplained, ScoreInput, ScoreTrend } from '../../queries/score.ts';
import { SupplyRisk, SupplyRiskInput } from '../../queries/supply-risk.ts';
import { TimelineInput, TimelinePage } from '../../queries/timeline.ts';
import { AsOfInput } from '../../queries/versioned.ts';
import { versionRefOf } from '../../queries/versions.ts';
import { CountryRow, PublishedVersion, SourceRow } from '../../trpc/routers/reference.ts';
import { listRoute, objectRoute, type RestRoute } from './route-kit.ts';

export const API_PREFIX = '/api/v1';
export const OPENAPI_PATH = `${API_PREFIX}/openapi.json`;
/** A published version in bulk (ZIP), answered by http/bulk-download.ts after the REST API's own check. */
export const BULK_ZIP_PATH = `${API_PREFIX}/versions/{id}/bulk.zip`;
export const BULK_ZIP_PATTERN = /^\/api\/v1\/versions\/([0-9a-f-]{36})\/bulk\.zip$/;

const AS_OF =
  "A published dataset version id (from /versions): that version's figures. Default: the current one.";

const PRODUCT_DOC =
  'Facilities whose products include this material or an element of it: `Dy` for the plants that name dysprosium, `HREE` for any heavy rare earth (EU grouping: Eu, Gd, Tb, Dy, Ho, Er, Tm, Yb, Lu, Y). A mixed, unsplit REE product does not count.';

/** A procedure's input shape without its own paging (lists page by limit and cursor here). */
function withoutPaging<S extends { page: unknown; pageSize: unknown }>(
  shape: S,
): Omit<S, 'page' | 'pageSize'> {
  const { page: _page, pageSize: _pageSize, ...rest } = shape;
  return rest;
}

/** Lists the procedure returns whole: the page is a slice, the total its length. */
function slice<T>(items: T[], p: { page: number; pageSize: number }) {
  return { items: items.slice((p.page - 1) * p.pageSize, p.page * p.pageSize), total: items.length };
}

const timelineFilters = withoutPaging(TimelineInput.shape);
const { types: _types, ...policyFilters } = timelineFilters;

export const REST_ROUTES: RestRoute[] = [
  listRoute({
    path: `${API_PREFIX}/versions`,
    tag: 'versions',
    summary: 'Published dataset versions',
    description: 'Published versions, newest first; any id can be passed as `asOf` to read that version.',
    filters: {},
    item: PublishedVersion,
    versioned: false,
    page: async (caller, _filters, _asOf, p) => {
      const versions = await caller.reference.versions();
      const current = versions.find((v) => v.isCurrent);
      return {
        ...slice(versions, p),
        datasetVersion: current ? versionRefOf(current) : null,
        sources: [],
      };
    },
  }),
  objectRoute({
    path: `${API_PREFIX}/concentration`,
    tag: 'production',
    summary: 'Production and shares by stage, with concentration',
    description:
      "Each country's production and share for one material × stage × year, with HHI (two bounds), its band and the top-3 share; a stand-in is named when the material's own figures are missing.",
    input: ConcentrationInput,
    output: Concentration,
    paramDocs: {
      material: 'An element symbol, NdPr, LREE, HREE or REE.',
      stage: 'The supply-chain stage.',
      year: 'The latest year with data when absent.',
      projection: 'Read projected figures instead of reported ones.',
      edition: 'A source id (e.g. usgs-mcs-2025): that edition instead of the newest.',
      asOf: AS_OF,
    },
    call: (caller, input) => caller.production.concentration(input),
  }),
  objectRoute({
    path: `${API_PREFIX}/trade`,
    tag: 'trade',
    summary: "A consumer's imports by exporter",
    description:
      'Import flows of one importer by exporter and year (tonnes where known, else shares as published).',
    input: ImportSourcesInput,
    output: ImportSources,
    paramDocs: {
      importer: 'ISO 3166-1 alpha-3 code of the importing country (or region, e.g. EUU).',
      material: 'Only flows of this material.',
      stage: 'Only flows of this stage.',
      exporter: 'Only flows from this exporter (ISO3).',
      asOf: AS_OF,
    },
    call: (caller, input) => caller.supply.importSources(input),
  }),
  listRoute({
    path: `${API_PREFIX}/facilities`,
    tag: 'facilities',
    summary: 'Mines, plants and factories',
    description: 'Facilities with location, stage, products, capacity and status, filtered and sorted.',
    filters: withoutPaging(FacilitiesInput.shape),
    item: FacilitiesPage.shape.items.element,
    versioned: true,
    paramDocs: {
      stage: 'Only facilities of this stage.',
      country: 'Only facilities in this country (ISO3).',
      operatingStatus: 'Only facilities with this status.',
      product: PRODUCT_DOC,
      search: "Case-insensitive part of the operator's or the facility's name.",
      sort: 'Sort key.',
      direction: 'Sort direction.',
      asOf: AS_OF,
    },
    page: async (caller, filters, asOf, p) => {
      const got = await caller.supply.facilities({ ...filters, ...(asOf ? { asOf } : {}), ...p });
      return { ...got, total: got.pageInfo.total };
    },
  }),
  objectRoute({
    path: `${API_PREFIX}/facilities/points`,
    tag: 'facilities',
    summary: 'Facilities as map points',
    description:
      'Every facility the filters select (not a page), as points with coordinates, stage and status, and how many selected facilities have no coordinates.',
    input: FacilityPointsInput,
    output: FacilityPoints,
    paramDocs: {
      stage: 'Only facilities of this stage.',
      country: 'Only facilities in this country (ISO3).',
      operatingStatus: 'Only facilities with this status.',
      product: PRODUCT_DOC,
      search: "Case-insensitive part of the operator's or the facility's name.",
      asOf: AS_OF,
    },
    call: (caller, input) => caller.supply.facilityPoints(input),
  }),
  listRoute({
    path: `${API_PREFIX}/policies`,
    tag: 'policies',
    summary: 'Policy measures, export controls included',
    description:
      'Policy measures (export controls, subsidies, stockpiles …) in date order; undated ones last.',
    filters: policyFilters,
    item: TimelinePage.shape.items.element,
    versioned: true,
    paramDocs: {
      country: 'Measures involving this country (ISO3) as actor or target.',
      yearFrom: 'Measures from this year on.',
      yearTo: 'Measures up to this year.',
      asOf: AS_OF,
    },
    page: async (caller, filters, asOf, p) => {
      const got = await caller.supply.timeline({
        ...filters,
        types: ['policy'],
        ...(asOf ? { asOf } : {}),
        ...p,
      });
      return { ...got, total: got.pageInfo.total };
    },
  }),
  listRoute({
    path: `${API_PREFIX}/timeline`,
    tag: 'policies',
    summary: 'Partnerships, investments and policies',
    description: 'Partnerships, investments and policy measures as one dated timeline.',
    filters: timelineFilters,
    item: TimelinePage.shape.items.element,
    versioned: true,
    paramDocs: {
      country: 'Events involving this country (ISO3) as actor, partner or target.',
      types: 'Only these kinds of event (repeat the parameter for several).',
      yearFrom: 'Events from this year on.',
      yearTo: 'Events up to this year.',
      asOf: AS_OF,
    },
    page: async (caller, filters, asOf, p) => {
      const got = await caller.supply.timeline({ ...filters, ...(asOf ? { asOf } : {}), ...p });
      return { ...got, total: got.pageInfo.total };
    },
  }),
  objectRoute({
    path: `${API_PREFIX}/scores/explain`,
    tag: 'scores',
    summary: 'A resilience score, explained',
    description:
      "A consumer's resilience score for one material × stage × year: every component's data, risk, weight, quality and points, with their sources and the sensitivity of the score to each weight.",
    input: ScoreInput,
    output: ScoreExplained,
    paramDocs: {
      consumer: 'ISO3 code of the consumer.',
      material: 'The material scored.',
      stage: 'The supply-chain stage scored.',
      year: 'Default: the latest year with import data.',
      date: "Read controls and agreements as of this date (default: the year's end, or today).",
      asOf: AS_OF,
    },
    call: (caller, input) => caller.score.explain(input),
  }),
  objectRoute({
    path: `${API_PREFIX}/scores/trend`,
    tag: 'scores',
    summary: 'A resilience score over the years',
    description: 'The score of every year with import data for one consumer × material × stage.',
    input: ScoreInput.omit({ year: true, date: true }),
    output: ScoreTrend,
    paramDocs: {
      consumer: 'ISO3 code of the consumer.',
      material: 'The material scored.',
      stage: 'The supply-chain stage scored.',
      asOf: AS_OF,
    },
    call: (caller, input) => caller.score.trend(input),
  }),
  objectRoute({
    path: `${API_PREFIX}/supply-risk`,
    tag: 'supply risk',
    summary: 'EU supply risk of a material',
    description:
      "The EU supply-risk indicator (eu-crm-2017) for extraction and processing, the bottleneck, every input and the EU's published figure.",
    input: SupplyRiskInput,
    output: SupplyRisk,
    paramDocs: {
      material: 'The material.',
      year: 'Default: the year of `date`, else the latest year with production figures.',
      date: "Read export controls as of this date (default: the year's end, or today).",
      tradeFactor: 'The trade factor for suppliers with a control in force on `date`.',
      asOf: AS_OF,
    },
    call: (caller, input) => caller.production.supplyRisk(input),
  }),
  objectRoute({
    path: `${API_PREFIX}/demand`,
    tag: 'demand',
    summary: "A material's uses and the sectors that depend on it",
    description:
      "Per scope (the world, the EU, a country): the material's uses, each use's share of its consumption where a source gives one, and the sectors that depend on it, with sources. A scope with shares shows its latest year with shares.",
    input: DemandInput,
    output: Demand,
    paramDocs: { material: 'The material (an element, NdPr, LREE, HREE or REE).', asOf: AS_OF },
    call: (caller, input) => caller.reference.demand(input),
  }),
  listRoute({
    path: `${API_PREFIX}/countries`,
    tag: 'reference',
    summary: 'Countries and their governance',
    description: 'Every country in the data, with its latest governance score (EU 0–10 scale).',
    filters: AsOfInput.shape,
    item: CountryRow,
    versioned: true,
    paramDocs: { asOf: AS_OF },
    page: async (caller, _filters, asOf, p) => {
      const got = await caller.reference.countries(asOf ? { asOf } : {});
      return { ...slice(got.items, p), datasetVersion: got.datasetVersion, sources: [] };
    },
  }),
  listRoute({
    path: `${API_PREFIX}/sources`,
    tag: 'reference',
    summary: 'Sources',
    description: 'Every source of the version: citation, publisher, URL, dates and licence.',
    filters: AsOfInput.shape,
    item: SourceRow,
    versioned: true,
    paramDocs: { asOf: AS_OF },
    page: async (caller, _filters, asOf, p) => {
      const got = await caller.reference.sources(asOf ? { asOf } : {});
      return { ...slice(got.items, p), datasetVersion: got.datasetVersion, sources: [] };
    },
  }),
];
