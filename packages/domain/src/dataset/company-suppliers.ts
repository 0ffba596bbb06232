// A company's suppliers as an analyst uploads them: a small CSV (`country,material,stage,year,quantity,unit`),
// checked line by line and column by column like a dataset import. All or nothing: the caller stores the rows
// only when there is no issue at all.
import { COMPANY_SUPPLIER_COLUMNS, CompanySupplier } from '../entities/company-supplier.ts';
import { CellError, convertCell } from './columns.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import { echo } from './echo.ts';

/** How large an upload may be (UTF-8 bytes; it travels in a JSON request, under the API's 1 MB body limit). */
export const COMPANY_UPLOAD_LIMITS = { bytes: 500_000, rows: 5_000 } as const;

/** One problem, where it is: line 1 is the header; `column` is null for a problem with the whole line or file. */
export interface UploadIssue {
  line: number | null;
  column: string | null;
  message: string;
}

export type CompanySupplierLine = CompanySupplier & { line: number };

/** Codes that stand for aggregates in the dataset, never a supplier a company buys from. */
const AGGREGATES: Record<string, string> = {
  WLD: 'the world total',
  ROW: '"other countries"',
  EUU: 'the EU-27 as a whole',
};

const TYPES = {
  country: 'string',
  material: 'string',
  stage: 'string',
  year: 'int',
  quantity: 'number',
  unit: 'string',
} as const;

/**
 * Reads and checks an upload. `knownCountries` are the countries of the dataset version it is checked against.
 * @example readCompanySuppliers('country,material,stage,year,quantity,unit\nCHN,Dy,separation,2025,9,t', new Set(['CHN'])).rows.length // 1
 */
export function readCompanySuppliers(
  text: string,
  knownCountries: ReadonlySet<string>,
): { rows: CompanySupplierLine[]; issues: UploadIssue[] } {
  const issues: UploadIssue[] = [];
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { rows: [], issues: [{ line: error.line, column: null, message: error.message }] };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], issues: [{ line: null, column: null, message: 'the file is empty' }] };
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const missing = COMPANY_SUPPLIER_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(COMPANY_SUPPLIER_COLUMNS as readonly string[]).includes(n));
  if (missing.length || unknown.length) {
    const parts = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      unknown.length ? `unknown ${unknown.map((u) => `"${echo(u)}"`).join(', ')}` : '',
    ].filter(Boolean);
    return {
      rows: [],
      issues: [
        {
          line: header.line,
          column: null,
          message: `header: ${parts.join('; ')} (expected ${COMPANY_SUPPLIER_COLUMNS.join(',')})`,
        },
      ],
    };
  }
  if (body.length === 0)
    return { rows: [], issues: [{ line: null, column: null, message: 'the file has no rows' }] };
  if (body.length > COMPANY_UPLOAD_LIMITS.rows) {
    return {
      rows: [],
      issues: [
        {
          line: null,
          column: null,
          message: `the file has ${body.length} rows; at most ${COMPANY_UPLOAD_LIMITS.rows} are accepted`,
        },
      ],
    };
  }
  const rows: CompanySupplierLine[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const line = record.line;
    if (record.fields.length !== names.length) {
      issues.push({
        line,
        column: null,
        message: `has ${record.fields.length} fields; the header has ${names.length}`,
      });
      continue;
    }
    const raw: Record<string, unknown> = {};
    let bad = false;
    names.forEach((name, i) => {
      try {
        raw[name] = convertCell(record.fields[i] ?? '', TYPES[name as keyof typeof TYPES]);
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        issues.push({ line, column: name, message: error.message });
        bad = true;
      }
    });
    if (bad) continue;
    if (typeof raw.unit === 'undefined') raw.unit = 't';
    const parsed = CompanySupplier.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '');
        const value = raw[column];
        issues.push({
          line,
          column: column || null,
          message:
            value === undefined
              ? 'is empty'
              : `${JSON.stringify(typeof value === 'string' ? echo(value) : value)}: ${issue.message}`,
        });
      }
      continue;
    }
    const row = parsed.data;
    const aggregate = AGGREGATES[row.country];
    if (aggregate) {
      issues.push({
        line,
        column: 'country',
        message: `${row.country} is ${aggregate}, not a supplier's country`,
      });
      continue;
    }
    if (!knownCountries.has(row.country)) {
      issues.push({ line, column: 'country', message: `${row.country} is not a country in the dataset` });
      continue;
    }
    const key = `${row.country}|${row.material}|${row.stage}|${row.year}|${row.unit}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        line,
        column: 'country',
        message: `repeats line ${first} (${row.country}, ${row.material}, ${row.stage}, ${row.year}): give one line per supplier country`,
      });
      continue;
    }
    seen.set(key, line);
    rows.push({ ...row, line });
  }
  issues.push(...cellIssues(rows));
  return { rows: issues.length ? [] : rows, issues };
}

/** A material × stage × year given both in tonnes and as shares, or with shares adding up to more than 1. */
function cellIssues(rows: readonly CompanySupplierLine[]): UploadIssue[] {
  const cells = new Map<string, CompanySupplierLine[]>();
  for (const r of rows) {
    const key = `${r.material} ${r.stage} ${r.year}`;
    cells.set(key, [...(cells.get(key) ?? []), r]);
  }
  const out: UploadIssue[] = [];
  for (const [cell, list] of cells) {
    const shares = list.filter((r) => r.unit === 'share');
    if (shares.length > 0 && shares.length < list.length) {
      const at = shares[0] as CompanySupplierLine;
      out.push({
        line: at.line,
        column: 'unit',
        message: `${cell} is given both in tonnes and as shares: use one unit per material, stage and year`,
      });
    } else if (shares.reduce((s, r) => s + r.quantity, 0) > 1 + 1e-9) {
      const at = shares.at(-1) as CompanySupplierLine;
      out.push({
        line: at.line,
        column: 'quantity',
        message: `the shares for ${cell} add up to more than 1`,
      });
    }
  }
  return out;
}
