// Every chart's data is addressable by URL, in the manner of Our World in Data's grapher downloads:
// /charts/<chart>/data.csv?<the view's parameters> (clean CSV) and /charts/<chart>/metadata.json?<same> (title,
// version, sources with licence and date accessed, citation, processing notes). This file names the charts and the
// parameters each takes — the same ones its page reads — and builds and checks those URLs. Pure: pages, the
// route handler and tests share it.
import { FacilityStage, FacilityStatus, Material, Stage } from '@ree/domain';
import { z } from 'zod';
import { withAsOf } from '../as-of';

const Iso3Param = z
  .string()
  .regex(/^[A-Z]{3}$/, 'a country is three capital letters (ISO 3166-1 alpha-3), e.g. JPN');
const YearParam = z.coerce.number().int().min(1950).max(2060);
const DashboardMaterial = z.enum(['REE', 'NdPr', 'Dy', 'Tb', 'LREE', 'HREE']);
const ChainStage = z.enum(['mining', 'separation', 'metal', 'magnet']);

/** Every chart takes `asOf`: the published version its page shows (none: the current one). */
const AsOfParam = z.uuid('asOf is a published dataset version id (see /api/v1/versions)').optional();

/**
 * Each chart's parameters: defaults as its page uses them, but a value the page would quietly replace is an error
 * here (a download must be of the view asked for), and so is a parameter the chart does not take.
 */
export const CHART_PARAMS = {
  /** The dashboard's world map: production shares of one material × stage × year. */
  'world-map': z.strictObject({
    material: DashboardMaterial.default('REE'),
    stage: ChainStage.default('mining'),
    year: YearParam.optional(),
    asOf: AsOfParam,
  }),
  /** The dashboard's share of a consumer's imports that come from China, by year. */
  'china-share': z.strictObject({ consumer: Iso3Param.default('JPN'), asOf: AsOfParam }),
  /** The dashboard's score trend: one consumer × material × stage, every year with import data. */
  'score-trend': z.strictObject({
    consumer: Iso3Param.default('JPN'),
    material: Material.default('NdPr'),
    stage: Stage.default('separation'),
    asOf: AsOfParam,
  }),
  /** An element page's shares of one stage (/elements/<material>). */
  'stage-shares': z.strictObject({ material: Material, stage: Stage.default('mining'), asOf: AsOfParam }),
  /** The score explained table (/score?…). */
  score: z.strictObject({
    consumer: Iso3Param.default('JPN'),
    material: Material.default('NdPr'),
    stage: Stage.default('separation'),
    year: YearParam.optional(),
    asOf: AsOfParam,
  }),
  /** The facilities table, every matching facility (not only the page shown). */
  facilities: z.strictObject({
    stage: FacilityStage.optional(),
    operatingStatus: FacilityStatus.optional(),
    country: Iso3Param.optional(),
    product: Material.optional(),
    search: z.string().trim().min(1).max(100).optional(),
    sort: z.enum(['name', 'country', 'stage', 'capacityPerYear', 'startYear', 'operator']).default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    asOf: AsOfParam,
  }),
  /** A country page's production by stage, material and year. */
  'country-production': z.strictObject({ iso3: Iso3Param, asOf: AsOfParam }),
} as const;

export type ChartId = keyof typeof CHART_PARAMS;
export const CHART_IDS = Object.keys(CHART_PARAMS) as ChartId[];
export type ChartParams<C extends ChartId> = z.output<(typeof CHART_PARAMS)[C]>;
export type ChartFile = 'data.csv' | 'metadata.json';

export function isChartId(value: string): value is ChartId {
  return Object.hasOwn(CHART_PARAMS, value);
}

/** The view's parameters as the URL carries them: only those given, in the schema's order. */
function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The two download URLs of a chart for the view's parameters (as the page has them; checked by the handler). */
export function chartDataUrls<C extends ChartId>(
  chart: C,
  params: Partial<Record<keyof ChartParams<C>, string | number | undefined | null>>,
): { csv: string; metadata: string } {
  const q = query(params as Record<string, string | number | undefined>);
  return { csv: `/charts/${chart}/data.csv${q}`, metadata: `/charts/${chart}/metadata.json${q}` };
}

export type ParsedChartParams<C extends ChartId> =
  | { ok: true; params: ChartParams<C> }
  | { ok: false; problem: string };

/** Checks a request's parameters for a chart; the problem names each bad parameter and what it must be. */
export function parseChartParams<C extends ChartId>(chart: C, search: URLSearchParams): ParsedChartParams<C> {
  const raw: Record<string, string> = Object.create(null);
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    if (values.length > 1)
      return { ok: false, problem: `${name}: give it once (got ${values.length} values)` };
    raw[name] = values[0] ?? '';
  }
  const parsed = CHART_PARAMS[chart].safeParse({ ...raw });
  if (parsed.success) return { ok: true, params: parsed.data as ChartParams<C> };
  const problem = parsed.error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys')
        return `unknown parameter(s) ${issue.keys.join(', ')}; ${chart} takes ${Object.keys(CHART_PARAMS[chart].shape).join(', ')}`;
      const name = issue.path.join('.');
      const given = raw[name];
      return `${name}: ${issue.message}${given === undefined ? '' : ` (got "${given.slice(0, 50)}")`}`;
    })
    .join('; ');
  return { ok: false, problem };
}

/** The portal page a chart is on, with the view's parameters and version (for metadata.json's citation). */
export function chartPageUrl<C extends ChartId>(chart: C, params: ChartParams<C>): string {
  const { asOf, ...p } = params as Record<string, string | number | undefined>;
  return withAsOf(pageOf(chart, p), typeof asOf === 'string' ? asOf : undefined);
}

function pageOf(chart: ChartId, p: Record<string, string | number | undefined>): string {
  switch (chart) {
    case 'stage-shares':
      return `/elements/${encodeURIComponent(String(p.material))}`;
    case 'country-production':
      return `/countries/${encodeURIComponent(String(p.iso3))}`;
    case 'score':
      return `/score${query(p)}`;
    case 'facilities':
      return `/facilities${query(p)}`;
    case 'china-share':
    case 'score-trend':
      return `/dashboard${query({ consumer: p.consumer })}`;
    default:
      return `/dashboard${query({ material: p.material, stage: p.stage, year: p.year })}`;
  }
}
