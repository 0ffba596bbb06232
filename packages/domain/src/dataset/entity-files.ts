// The dataset as files: each entity's CSV file, its columns, its schema and its natural key. The shipped CSVs, the
// admin import and the export all follow this one description.
import type { z } from 'zod';
import { Investment, Partnership } from '../entities/agreements.ts';
import { ArticleClaim } from '../entities/claim.ts';
import { Country, GovernanceScore } from '../entities/country.ts';
import { Element } from '../entities/element.ts';
import { EndUseShare } from '../entities/end-use.ts';
import { Facility } from '../entities/facility.ts';
import { MaterialIndicator } from '../entities/indicator.ts';
import { PolicyMeasure } from '../entities/policy.ts';
import { PricePoint } from '../entities/price.ts';
import { ProductionRecord, ReserveEstimate } from '../entities/production.ts';
import { Source } from '../entities/provenance.ts';
import { Stockpile } from '../entities/stockpile.ts';
import { TradeFlow } from '../entities/trade.ts';
import type { Column } from './columns.ts';

const c = (header: string, type: Column['type'] = 'string', key = toCamel(header)): Column => ({
  header,
  key,
  type,
});
function toCamel(header: string): string {
  return header.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
}
const PROVENANCE = [c('source_id'), c('status')];

/** Columns that name a country (or a list of countries) of the same version, which must be in countries.csv. */
export const COUNTRY_COLUMNS = [
  'country',
  'importer',
  'exporter',
  'partner',
  'target_country',
  'supplier_countries',
] as const;

/**
 * Each entity's file, columns, schema and natural key, in load order (sources and countries first: everything
 * else refers to them).
 */
export const ENTITY_FILES = {
  sources: {
    file: 'sources.csv',
    schema: Source,
    columns: [
      c('id'),
      c('citation'),
      c('publisher'),
      c('url'),
      c('published_on'),
      c('accessed_on'),
      c('licence'),
      c('redistribution'),
      c('series'),
      c('stale_after_days', 'int'),
    ],
    key: ['id'],
  },
  countries: {
    file: 'countries.csv',
    schema: Country,
    columns: [c('iso3'), c('name'), c('region')],
    key: ['iso3'],
  },
  elements: {
    file: 'elements.csv',
    schema: Element,
    columns: [
      c('symbol'),
      c('name'),
      c('atomic_number', 'int'),
      c('group'),
      c('uses', 'list'),
      ...PROVENANCE,
    ],
    key: ['symbol'],
  },
  governance: {
    file: 'governance.csv',
    schema: GovernanceScore,
    columns: [c('country'), c('year', 'int'), c('wgi', 'number'), ...PROVENANCE],
    key: ['country', 'year'],
  },
  production: {
    file: 'production.csv',
    schema: ProductionRecord,
    columns: [
      c('country'),
      c('stage'),
      c('material'),
      c('year', 'int'),
      c('quantity', 'number'),
      c('unit'),
      c('basis'),
      c('projection', 'boolean'),
      ...PROVENANCE,
    ],
    // The source is part of the key: two editions of a series each keep their figure for the same year.
    key: ['country', 'stage', 'material', 'year', 'unit', 'basis', 'projection', 'sourceId'],
  },
  reserves: {
    file: 'reserves.csv',
    schema: ReserveEstimate,
    columns: [c('country'), c('year', 'int'), c('quantity', 'number'), c('unit'), c('basis'), ...PROVENANCE],
    key: ['country', 'year', 'sourceId'],
  },
  facilities: {
    file: 'facilities.csv',
    schema: Facility,
    columns: [
      c('id'),
      c('name'),
      c('operator'),
      c('country'),
      c('latitude', 'number'),
      c('longitude', 'number'),
      c('stage'),
      c('products', 'list'),
      c('capacity_per_year', 'number'),
      c('capacity_unit'),
      c('capacity_basis'),
      c('capacity_kind'),
      c('capacity_product'),
      c('operating_status'),
      c('start_year', 'int'),
      c('end_year', 'int'),
      c('notes'),
      ...PROVENANCE,
    ],
    key: ['id'],
  },
  trade: {
    file: 'trade.csv',
    schema: TradeFlow,
    columns: [
      c('importer'),
      c('exporter'),
      c('material'),
      c('stage'),
      c('year', 'int'),
      c('quantity', 'number'),
      c('unit'),
      c('basis'),
      c('value_usd', 'number'),
      ...PROVENANCE,
    ],
    key: ['importer', 'exporter', 'material', 'stage', 'year', 'unit'],
  },
  partnerships: {
    file: 'partnerships.csv',
    schema: Partnership,
    columns: [
      c('id'),
      c('country'),
      c('partner'),
      c('role'),
      c('focus'),
      c('parties'),
      c('start_date'),
      c('end_date'),
      c('secures_supply', 'boolean'),
      c('materials', 'list'),
      c('supplier_countries', 'list'),
      ...PROVENANCE,
    ],
    key: ['id'],
  },
  investments: {
    file: 'investments.csv',
    schema: Investment,
    columns: [
      c('id'),
      c('investor'),
      c('type'),
      c('country'),
      c('location'),
      c('amount_usd', 'number'),
      c('date'),
      c('outcome'),
      ...PROVENANCE,
    ],
    key: ['id'],
  },
  policies: {
    file: 'policies.csv',
    schema: PolicyMeasure,
    columns: [
      c('id'),
      c('country'),
      c('kind'),
      c('title'),
      c('impact'),
      c('elements', 'list'),
      c('target_country'),
      c('start_date'),
      c('effective_on'),
      c('suspended_on'),
      c('suspended_until'),
      c('end_date'),
      ...PROVENANCE,
    ],
    key: ['id'],
  },
  stockpiles: {
    file: 'stockpiles.csv',
    schema: Stockpile,
    columns: [
      c('holder'),
      c('country'),
      c('material'),
      c('days', 'number'),
      c('kind'),
      c('year', 'int'),
      c('notes'),
      ...PROVENANCE,
    ],
    key: ['holder', 'country', 'material', 'year', 'kind'],
  },
  indicators: {
    file: 'indicators.csv',
    schema: MaterialIndicator,
    columns: [
      c('material'),
      c('indicator'),
      c('scope'),
      c('year', 'int'),
      c('value', 'number'),
      c('stage'),
      ...PROVENANCE,
    ],
    key: ['material', 'indicator', 'scope', 'year'],
  },
  demand: {
    file: 'demand.csv',
    schema: EndUseShare,
    columns: [
      c('material'),
      c('use'),
      c('sectors', 'list'),
      c('scope'),
      c('year', 'int'),
      c('share', 'number'),
      c('notes'),
      ...PROVENANCE,
    ],
    key: ['material', 'use', 'scope', 'year'],
  },
  prices: {
    file: 'prices.csv',
    schema: PricePoint,
    columns: [
      c('material'),
      c('form'),
      c('market'),
      c('year', 'int'),
      c('price', 'number'),
      c('currency'),
      c('per'),
      c('low', 'number'),
      c('high', 'number'),
      ...PROVENANCE,
    ],
    key: ['material', 'form', 'market', 'year', 'sourceId'],
  },
  claims: {
    file: 'claims.csv',
    schema: ArticleClaim,
    columns: [
      c('id'),
      c('part'),
      c('claim'),
      c('country'),
      c('finding'),
      c('assessment'),
      c('related', 'list'),
      ...PROVENANCE,
    ],
    key: ['id'],
  },
} as const;

export type EntityName = keyof typeof ENTITY_FILES;
export const ENTITY_NAMES = Object.keys(ENTITY_FILES) as EntityName[];
/** One validated row of an entity, as its schema outputs it. */
export type RowsOf<K extends EntityName> = z.output<(typeof ENTITY_FILES)[K]['schema']>;
/** Every entity's rows: a whole dataset version, as the method reads it. */
export type DatasetRows = { [K in EntityName]: RowsOf<K>[] };
