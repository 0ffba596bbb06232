// A company's own import mix, scored like a country's: its suppliers by country are its imports; the published
// dataset supplies everything else (governance, export controls, substitution). What the data hold only for
// countries — agreements, stockpiles, recycling, import reliance — stays unknown for a company.
import type { DatasetRows } from '../dataset/entity-files.ts';
import type { CompanySupplier } from '../entities/company-supplier.ts';
import type { Material } from '../entities/element.ts';
import type { Stage } from '../entities/stage.ts';
import type { MixLookup } from './lookup.ts';
import { type DatasetScore, scoreFromMix } from './score-from-mix.ts';
import { type MixRow, mixFromRows, WORLD } from './supply-mix.ts';

/** The source id the company's own rows are cited by ("your upload"); never a row of the dataset. */
export const COMPANY_UPLOAD_SOURCE = 'your-upload';

export interface CompanyScoreQuery {
  /** The company mix's id: the score's consumer. */
  companyId: string;
  material: Material;
  stage: Stage;
  /** Default: the newest year the upload has for the material and stage. */
  year?: number;
  today: string;
  asOf?: string;
}

/**
 * The company's imports of one material × stage × year as the method's lookup result: tonnes become shares of
 * their sum (the company's whole purchases), shares stand as given and what they leave out is unallocated.
 */
export function companyImports(
  suppliers: readonly CompanySupplier[],
  cell: { material: Material; stage: Stage; year: number },
): MixLookup {
  const rows: MixRow[] = suppliers
    .filter((s) => s.material === cell.material && s.stage === cell.stage && s.year === cell.year)
    .map((s) => ({
      country: s.country,
      quantity: s.quantity,
      unit: s.unit,
      basis: 'gross',
      sourceId: COMPANY_UPLOAD_SOURCE,
      status: 'verified',
    }));
  const what = `${cell.material} ${cell.stage} ${cell.year}`;
  if (rows.length === 0) return { found: null, tried: [`your upload has no rows for ${what}`] };
  const tonnes = rows.filter((r) => r.unit === 't');
  const total = tonnes.reduce((sum, r) => sum + r.quantity, 0);
  // The company's purchases are all of its supply: their sum is the total the shares are of.
  const withTotal =
    tonnes.length > 0 ? [...rows, { ...(tonnes[0] as MixRow), country: WORLD, quantity: total }] : rows;
  const mix = mixFromRows(withTotal);
  if (!('shares' in mix)) return { found: null, tried: [`your upload for ${what}: ${mix.reason}`] };
  return {
    found: { mix, material: cell.material, level: 'own', year: cell.year, quality: 1, otherSources: [] },
    tried: [],
  };
}

/** The (material, stage) pairs an upload lists, each with its newest year, in a stable order. */
export function companyCells(
  suppliers: readonly CompanySupplier[],
): { material: Material; stage: Stage; year: number }[] {
  const newest = new Map<string, { material: Material; stage: Stage; year: number }>();
  for (const s of suppliers) {
    const key = `${s.material}|${s.stage}`;
    const seen = newest.get(key);
    if (!seen || s.year > seen.year) newest.set(key, { material: s.material, stage: s.stage, year: s.year });
  }
  return [...newest.values()].sort(
    (a, b) => a.material.localeCompare(b.material) || a.stage.localeCompare(b.stage),
  );
}

/**
 * Scores a company's upload for one material and stage against a dataset version, with the same components,
 * sources and notes as a country's score; the company's own rows are cited as `your-upload`.
 * @example scoreCompanyMix(rows, suppliers, { companyId: 'c1', material: 'Dy', stage: 'separation', today: '2026-12-01' }).result.score
 */
export function scoreCompanyMix(
  data: DatasetRows,
  suppliers: readonly CompanySupplier[],
  query: CompanyScoreQuery,
): DatasetScore {
  const years = suppliers
    .filter((s) => s.material === query.material && s.stage === query.stage)
    .map((s) => s.year);
  const year = query.year ?? (years.length ? Math.max(...years) : Number(query.today.slice(0, 4)));
  const cell = { material: query.material, stage: query.stage, year };
  return scoreFromMix(
    data,
    { consumer: query.companyId, kind: 'company', ...cell, today: query.today, asOf: query.asOf },
    companyImports(suppliers, cell),
    [`the imports are your upload (${query.material}, ${query.stage}, ${year})`],
  );
}
