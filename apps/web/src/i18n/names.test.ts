// Every code the shipped dataset uses has a Japanese name: adding a country, material or use to the CSVs without
// one fails here, before a Japanese page shows it in English.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTRY_NAMES_JA, localName, MATERIAL_NAMES_JA, REGION_NAMES_JA, USE_NAMES_JA } from './names';

const DATA = new URL('../../../api/data/reference/', import.meta.url);

/** The rows of one shipped CSV as records (quoted fields may hold commas, newlines and doubled quotes). */
function rows(file: string): Record<string, string>[] {
  const text = readFileSync(new URL(file, DATA), 'utf8').replace(/\r\n/g, '\n');
  const records: string[][] = [[]];
  let field = '';
  let quoted = false;
  const endField = () => {
    records.at(-1)?.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\n') {
      endField();
      records.push([]);
    } else {
      field += c;
    }
  }
  if (field) endField();
  const [header = [], ...body] = records.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The distinct values of some columns, lists ("Sm; Gd") split. */
function values(file: string, columns: string[]): string[] {
  const found = rows(file).flatMap((r) => columns.flatMap((c) => (r[c] ?? '').split(';')));
  return [...new Set(found.map((v) => v.trim()).filter(Boolean))];
}

const COUNTRY_COLUMNS: Record<string, string[]> = {
  'countries.csv': ['iso3'],
  'production.csv': ['country'],
  'trade.csv': ['importer', 'exporter'],
  'facilities.csv': ['country'],
  'reserves.csv': ['country'],
  'governance.csv': ['country'],
  'policies.csv': ['country', 'target_country'],
  'partnerships.csv': ['country', 'partner', 'supplier_countries'],
  'investments.csv': ['country'],
  'stockpiles.csv': ['country'],
  'claims.csv': ['country'],
};

const MATERIAL_COLUMNS: Record<string, string[]> = {
  'elements.csv': ['symbol'],
  'production.csv': ['material'],
  'trade.csv': ['material'],
  'indicators.csv': ['material'],
  'prices.csv': ['material'],
  'stockpiles.csv': ['material'],
  'policies.csv': ['elements'],
  'partnerships.csv': ['materials'],
};

describe('Japanese names for the dataset', () => {
  it.each(Object.entries(COUNTRY_COLUMNS))('every country code in %s has one', (file, columns) => {
    const missing = values(file, columns).filter((code) => !Object.hasOwn(COUNTRY_NAMES_JA, code));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(MATERIAL_COLUMNS))('every material in %s has one', (file, columns) => {
    const missing = values(file, columns).filter((code) => !Object.hasOwn(MATERIAL_NAMES_JA, code));
    expect(missing).toEqual([]);
  });

  it('every region and every use of an element has one', () => {
    expect(values('countries.csv', ['region']).filter((r) => !Object.hasOwn(REGION_NAMES_JA, r))).toEqual([]);
    expect(values('elements.csv', ['uses']).filter((u) => !Object.hasOwn(USE_NAMES_JA, u))).toEqual([]);
  });

  it('reads the CSVs it checks (a wrong column would pass vacuously)', () => {
    expect(values('countries.csv', ['iso3'])).toContain('JPN');
    expect(values('trade.csv', ['exporter'])).toContain('CHN');
    expect(values('policies.csv', ['elements'])).toContain('Dy');
  });

  it('keeps English as it is and falls back to the data’s name for an unknown code', () => {
    expect(localName('ja', 'country', 'JPN', 'Japan')).toBe('日本');
    expect(localName('en', 'country', 'JPN', 'Japan')).toBe('Japan');
    expect(localName('ja', 'country', 'XXX', 'Atlantis')).toBe('Atlantis');
    expect(localName('ja', 'material', 'Dy')).toBe('ジスプロシウム');
  });
});
