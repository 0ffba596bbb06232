// A UN Comtrade (Comtrade+) CSV export, as comtradeplus.un.org gives it: one row per reporter, flow, partner and
// HS code — `typeCode, freqCode, refYear, reporterISO, flowCode, partnerCode, partnerISO, partnerDesc, cmdCode,
// netWgt, isNetWgtEstimated, primaryValue, …`. Annual imports of the rare-earth codes become trade rows (net weight
// in tonnes, gross weight of the goods, not REO), the "World" partner the total that makes them shares; the rest is
// counted and skipped. The export itself becomes the rows' source, dated by the file's name.

import { echo } from '@ree/domain';
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { skippedWith, type UpstreamLayout, type UpstreamRow, writtenSummary } from './upstream-csv-reader.ts';

countries.registerLocale(english);

/** The columns the reader needs, as Comtrade+ names them (lower-cased). */
export const COMTRADE_COLUMNS = [
  'freqcode',
  'refyear',
  'reporteriso',
  'flowcode',
  'partnercode',
  'partneriso',
  'partnerdesc',
  'cmdcode',
  'netwgt',
  'primaryvalue',
] as const;

export function isComtradeHeader(firstLine: string): boolean {
  const names = firstLine
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((h) => h.replace(/"/g, '').trim().toLowerCase());
  return COMTRADE_COLUMNS.every((c) => names.includes(c));
}

/** The HS codes read: what each is in the dataset's terms. */
export const HS_CODES: Readonly<Record<string, { material: string; stage: string; what: string }>> = {
  '2846': {
    material: 'REE',
    stage: 'separation',
    what: 'compounds of rare-earth metals, yttrium or scandium',
  },
  '284610': { material: 'Ce', stage: 'separation', what: 'cerium compounds' },
  '280530': { material: 'REE', stage: 'metal', what: 'rare-earth metals, scandium and yttrium' },
  // Permanent magnets of metal include AlNiCo as well as NdFeB and SmCo: the reader says so in its report.
  '850511': { material: 'REE', stage: 'magnet', what: 'permanent magnets of metal (all kinds)' },
};

/** Comtrade's partner codes that are not ISO countries. */
const PARTNER_ALIASES: Readonly<Record<string, string>> = {
  W00: 'WLD', // World
  S19: 'TWN', // "Other Asia, nes": Taiwan in UN statistics
};

/** The day of the export, from Comtrade+'s file name ("TradeData_12_1_2026_10_30_45.csv" → 2026-12-01). */
export function exportDateOf(fileName: string): string | null {
  const m = /TradeData_(\d{1,2})_(\d{1,2})_(\d{4})/i.exec(fileName.split(/[\\/]/).pop() ?? '');
  if (!m) return null;
  const [month, day, year] = [Number(m[1]), Number(m[2]), m[3]];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A partner's ISO3 code: a valid ISO code as given, an alias, "rest of the world" for areas nes; else null. */
export function partnerCode(code: string, iso: string, desc: string): string | null {
  if (code.trim() === '0') return 'WLD';
  const clean = iso.trim().toUpperCase();
  const alias = PARTNER_ALIASES[clean];
  if (alias) return alias;
  if (/^[A-Z]{3}$/.test(clean) && countries.isValid(clean)) return clean;
  if (/\bn\.?e\.?s\.?\b|not elsewhere specified|unspecified/i.test(desc)) return 'ROW';
  return null;
}

/** Maps one row of the export onto the dataset. */
export function comtradeRow(cell: (column: string) => string, sourceId: string): UpstreamRow {
  const hs = cell('cmdcode').trim();
  const code = HS_CODES[hs];
  if (!code)
    return {
      kind: 'skip',
      reason:
        hs === '284690'
          ? 'hs:284690 (other rare-earth compounds: import 2846 whole)'
          : `commodity:${echo(hs)}`,
    };
  if (cell('freqcode').trim() !== 'A') return { kind: 'skip', reason: 'monthly or quarterly rows' };
  const flow = cell('flowcode').trim();
  if (flow !== 'M') return { kind: 'skip', reason: `flow:${echo(flow) || '(none)'}` };
  // Breakdowns by second partner, customs procedure or transport mode repeat the totals.
  const breakdown = [
    ['partner2code', '0'],
    ['customscode', 'C00'],
    ['motcode', '0'],
  ].some(([column, total]) => {
    const v = cell(column ?? '').trim();
    return v !== '' && v !== total;
  });
  if (breakdown) return { kind: 'skip', reason: 'breakdowns of a total' };
  const year = cell('refyear').trim();
  if (!/^\d{4}$/.test(year))
    return { kind: 'error', column: 'refYear', message: `"${echo(year)}" is not a year` };
  const importer = cell('reporteriso').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(importer))
    return { kind: 'error', column: 'reporterISO', message: `"${echo(importer)}" is not an ISO3 code` };
  const exporter = partnerCode(cell('partnercode'), cell('partneriso'), cell('partnerdesc'));
  if (!exporter)
    return {
      kind: 'error',
      column: 'partnerISO',
      message: `unknown partner "${echo(cell('partnerdesc').trim())}" (${echo(cell('partneriso').trim())}): not an ISO country or a known Comtrade area`,
    };
  const kg = Number(cell('netwgt').trim());
  if (cell('netwgt').trim() === '' || !Number.isFinite(kg) || kg <= 0)
    return { kind: 'skip', reason: 'no net weight' };
  const value = Number(cell('primaryvalue').trim());
  return {
    kind: 'row',
    entity: 'trade',
    cells: {
      importer,
      exporter,
      material: code.material,
      stage: code.stage,
      year,
      quantity: String(kg / 1000),
      unit: 't',
      basis: 'gross',
      value_usd: Number.isFinite(value) && cell('primaryvalue').trim() !== '' ? String(value) : '',
      source_id: sourceId,
      status: /^true$/i.test(cell('isnetwgtestimated').trim()) ? 'estimated' : 'verified',
    },
  };
}

export function comtradeLayout(fileName: string): UpstreamLayout {
  const date = exportDateOf(fileName);
  const sourceId = `un-comtrade-${date}`;
  return {
    start: () =>
      date
        ? null
        : `cannot tell the export's date from the file name "${fileName}": keep Comtrade's name (e.g. TradeData_12_1_2026_10_30_45.csv)`,
    row: (cell) => comtradeRow(cell, sourceId),
    finish: () => [
      {
        kind: 'row',
        entity: 'sources',
        cells: {
          id: sourceId,
          citation: `United Nations, UN Comtrade database (Comtrade+), annual imports by partner, HS 2846, 2805.30 and 8505.11, extracted ${date}`,
          publisher: 'United Nations Statistics Division',
          url: 'https://comtradeplus.un.org/',
          published_on: date ?? '',
          accessed_on: date ?? '',
          licence: 'UN Comtrade terms of use (free public data; cite the source)',
          redistribution: 'open',
          series: 'un-comtrade',
          stale_after_days: '400',
        },
      },
    ],
    summary: (written, skipped) => {
      const list = (prefix: string) =>
        skippedWith(skipped, prefix)
          .map(([k, n]) => `${k} ×${n}`)
          .join(', ');
      const warnings = [
        `read as a UN Comtrade export of ${date} (source ${sourceId}): ${writtenSummary(written)}; quantities are net weight of the goods (basis gross), not REO; HS 8505.11 counts every metal permanent magnet, not only rare-earth ones`,
      ];
      if (skippedWith(skipped, 'commodity:').length)
        warnings.push(`other commodities, skipped: ${list('commodity:')}`);
      if (skippedWith(skipped, 'flow:').length)
        warnings.push(`flows other than imports (M), skipped: ${list('flow:')}`);
      const other = [...skipped].filter(([k]) => !/^(commodity|flow):/.test(k));
      if (other.length) warnings.push(`also skipped: ${other.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
      return warnings;
    },
  };
}
