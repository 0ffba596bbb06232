// USGS Mineral Commodity Summaries data release (MCS2026_Commodities_Data.csv and its successors), as USGS
// publishes it: one long table of every chapter — `MCS chapter, Section, Commodity, Country, Statistics,
// Statistics_detail, Unit, Year, Value, Notes, …` — in Windows-1252, values as text with thousands separators,
// "W" (withheld), "NA", "—" (zero), ">95". Rare-earth rows become the dataset's rows; the rest is counted and skipped.

import { echo } from '@ree/domain';
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { UpstreamRow } from './upstream-csv-reader.ts';

countries.registerLocale(english);

/** The columns the reader needs, as USGS names them (matched without regard to case or spaces). */
export const MCS_COLUMNS = [
  'mcs chapter',
  'section',
  'commodity',
  'country',
  'statistics',
  'statistics_detail',
  'unit',
  'year',
  'value',
  'notes',
] as const;

/** Whether a header line is the MCS data release's. */
export function isUsgsMcsHeader(firstLine: string): boolean {
  const names = firstLine
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((h) => h.trim().toLowerCase());
  return MCS_COLUMNS.every((c) => names.includes(c));
}

/** The edition's source id from USGS's file name ("MCS2026_Commodities_Data.csv" → usgs-mcs-2026), or null. */
export function editionOf(fileName: string): string | null {
  const match = /mcs\s*(\d{4})/i.exec(fileName.split(/[\\/]/).pop() ?? '');
  return match ? `usgs-mcs-${match[1]}` : null;
}

/** USGS's names that the ISO list spells otherwise, and its aggregates. */
const ALIASES: Readonly<Record<string, string>> = {
  burma: 'MMR',
  'congo (kinshasa)': 'COD',
  'congo (brazzaville)': 'COG',
  'korea, republic of': 'KOR',
  'korea, north': 'PRK',
  laos: 'LAO',
  russia: 'RUS',
  turkey: 'TUR',
  vietnam: 'VNM',
  'united states': 'USA',
  'other countries': 'ROW',
  other: 'ROW',
  'world total': 'WLD',
  'world total (rounded)': 'WLD',
};

/** ISO 3166-1 alpha-3 for a USGS country name, through i18n-iso-countries and the aliases; null when unknown. */
export function countryCode(name: string): string | null {
  const clean = name.trim().replace(/\s+/g, ' ');
  return ALIASES[clean.toLowerCase()] ?? countries.getAlpha3Code(clean, 'en') ?? null;
}

/** A value as USGS writes it: a number (thousands separators allowed), zero ("—"), a bound (">95") or nothing. */
export type McsValue =
  | { kind: 'number'; value: number; bound: boolean }
  | { kind: 'none'; reason: 'withheld' | 'not available' | 'net exporter' | 'not a number' };

export function parseMcsValue(text: string): McsValue {
  const v = text.replace(/\u00A0/g, ' ').trim();
  if (v === '—' || v === '–' || v === '-' || v === '--') return { kind: 'number', value: 0, bound: false };
  if (v === 'W') return { kind: 'none', reason: 'withheld' };
  if (v === 'NA' || v === '') return { kind: 'none', reason: 'not available' };
  if (v === 'E') return { kind: 'none', reason: 'net exporter' };
  const match = /^([<>]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(v);
  if (!match) return { kind: 'none', reason: 'not a number' };
  return {
    kind: 'number',
    value: Number(`${match[2]?.replace(/,/g, '')}${match[3] ?? ''}`),
    bound: match[1] !== '',
  };
}

/** The chapters read, and the material each is about when a row names no element. */
const CHAPTER_MATERIAL: Readonly<Record<string, string>> = {
  'RARE EARTHS': 'REE',
  'RARE EARTHS (HEAVY)': 'HREE',
  YTTRIUM: 'Y',
  SCANDIUM: 'Sc',
};

/** Element names as USGS writes them in price and import-source rows. */
const ELEMENT_NAMES: Readonly<Record<string, string>> = {
  lanthanum: 'La',
  cerium: 'Ce',
  praseodymium: 'Pr',
  neodymium: 'Nd',
  samarium: 'Sm',
  europium: 'Eu',
  gadolinium: 'Gd',
  terbium: 'Tb',
  dysprosium: 'Dy',
  holmium: 'Ho',
  erbium: 'Er',
  ytterbium: 'Yb',
  lutetium: 'Lu',
  yttrium: 'Y',
};

/** The material a row is about: NdPr or an element named in its commodity or detail, else its chapter's. */
function materialOf(commodity: string, detail: string, chapterMaterial: string): string {
  const text = `${commodity} ${detail}`.toLowerCase();
  if (/neodymium-praseodymium|\bndpr\b/.test(text)) return 'NdPr';
  // Whole words: "terbium" is inside "ytterbium".
  for (const [name, symbol] of Object.entries(ELEMENT_NAMES))
    if (new RegExp(`\\b${name}\\b`).test(text)) return symbol;
  return chapterMaterial;
}

/** The last year of a period ("2021–24" → 2024), or the year itself. */
function yearOf(text: string): number | null {
  const t = text.trim();
  const range = /^(\d{4})\s*[–-]\s*(\d{2,4})$/.exec(t);
  if (range) {
    const end = range[2] ?? '';
    return Number(end.length === 2 ? `${range[1]?.slice(0, 2)}${end}` : end);
  }
  return /^\d{4}$/.test(t) ? Number(t) : null;
}

/** Maps one record of the data release (its cells by column) onto the dataset. */
export function mcsRow(cell: (column: (typeof MCS_COLUMNS)[number]) => string, edition: string): UpstreamRow {
  const chapter = cell('mcs chapter').trim().toUpperCase();
  const chapterMaterial = CHAPTER_MATERIAL[chapter];
  if (!chapterMaterial) return { kind: 'skip', reason: `commodity:${echo(cell('mcs chapter').trim())}` };
  const material = materialOf(cell('commodity'), cell('statistics_detail'), chapterMaterial);
  const statistics = cell('statistics').trim();
  const section = cell('section').trim();
  const detail = cell('statistics_detail').trim();
  const year = yearOf(cell('year'));
  if (year === null)
    return { kind: 'error', column: 'Year', message: `"${echo(cell('year'))}" is not a year` };
  const countryName = cell('country').trim();
  const iso = countryCode(countryName);
  if (!iso)
    return {
      kind: 'error',
      column: 'Country',
      message: `unknown country name "${echo(countryName)}": not in the ISO list or the aliases`,
    };
  const value = parseMcsValue(cell('value'));
  if (value.kind === 'none') return { kind: 'skip', reason: `value:${value.reason}` };
  const estimated = /estimated/i.test(cell('notes')) || value.bound;
  const provenance = { source_id: edition, status: estimated ? 'estimated' : 'verified' };
  const isWorldTable = /world mine production/i.test(section);
  const production = (country: string, stage: string) =>
    value.value === 0 && country !== 'WLD'
      ? ({ kind: 'skip', reason: 'zero production' } as const)
      : ({
          kind: 'row',
          entity: 'production',
          cells: {
            country,
            stage,
            material,
            year: String(year),
            quantity: String(value.value),
            unit: 't',
            basis: 'REO',
            projection: 'false',
            ...provenance,
          },
        } as const);
  if (isWorldTable && statistics === 'Production') return production(iso, 'mining');
  // The salient table's mine output repeats the world table's; its compounds and metals are US separation output.
  if (statistics === 'Production' && /compounds and metals/i.test(detail))
    return production(iso, 'separation');
  if (isWorldTable && statistics === 'Reserves') {
    if (iso === 'WLD' || iso === 'ROW' || value.bound) return { kind: 'skip', reason: 'aggregate reserves' };
    return {
      kind: 'row',
      entity: 'reserves',
      cells: {
        country: iso,
        year: String(year),
        quantity: String(value.value),
        unit: 't',
        basis: 'REO',
        ...provenance,
      },
    };
  }
  if (/^import sources/i.test(statistics)) {
    return {
      kind: 'row',
      entity: 'trade',
      cells: {
        importer: 'USA',
        exporter: iso,
        material,
        stage: 'separation',
        year: String(year),
        quantity: String(value.value / 100),
        unit: 'share',
        basis: 'REO',
        value_usd: '',
        source_id: edition,
        status: 'estimated',
      },
    };
  }
  if (/^net import reliance/i.test(statistics) && /compounds and metals/i.test(detail)) {
    return {
      kind: 'row',
      entity: 'indicators',
      cells: {
        material,
        indicator: 'import-reliance',
        scope: 'USA',
        year: String(year),
        value: String(Math.min(1, value.value / 100)),
        stage: '',
        ...provenance,
      },
    };
  }
  if (statistics === 'Price' && /dollars per kilogram/i.test(cell('unit'))) {
    if (/mischmetal/i.test(detail)) return { kind: 'skip', reason: 'statistic:Price (mischmetal, an alloy)' };
    return {
      kind: 'row',
      entity: 'prices',
      cells: {
        material,
        form: /metal/i.test(detail) && !/oxide/i.test(detail) ? 'metal' : 'oxide',
        market: 'FOB (Argus)',
        year: String(year),
        price: String(value.value),
        currency: 'USD',
        per: 'kg',
        low: '',
        high: '',
        ...provenance,
      },
    };
  }
  return { kind: 'skip', reason: `statistic:${statistics}` };
}
