// Security finding (attacker review): an upload full of bad rows — rows naming a country the dataset does not
// have, rows repeating a key — cost one database call per bad row, and on PGlite held the API for minutes. Two
// uploads of the same length, one with 100 bad rows of each kind and one with 5,000, must make about the same
// number of database calls; and both reports must still name every rejected row, with its line and message.
// Runs on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { CHECK_CHUNK_ROWS } from '../src/imports/draft-checks.ts';
import { MAX_STORED_ISSUES, stageImport } from '../src/imports/stage-import.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { openAdminDraft } from './import-support.ts';
import { countQueries } from './query-counter.ts';
import { callerFor } from './support.ts';

let database: Database;
let admin: SessionUser;
let draftId: string;

beforeAll(async () => {
  ({ database, admin, draftId } = await openAdminDraft('Round trips'));
});
afterAll(async () => {
  await database?.close();
});

const HEADER = 'country,stage,material,year,quantity,unit,basis,projection,source_id,status';
const MATERIALS = ['REE', 'LREE', 'HREE', 'NdPr', 'Nd', 'Pr', 'Dy', 'Tb', 'La', 'Ce', 'Sm', 'Y'];
const STAGES = ['mining', 'separation', 'metal', 'magnet', 'recycling'];
const BASES = ['REO', 'metal', 'gross'];
/** Row i of a run of production rows with distinct keys (76 past years × 12 materials × 5 stages × 3 bases). */
const row = (i: number, country: string) =>
  [
    country,
    STAGES[Math.floor(i / 912) % 5],
    MATERIALS[Math.floor(i / 76) % 12],
    1950 + (i % 76),
    '10',
    't',
    BASES[Math.floor(i / 4560) % 3],
    'false',
    'usgs-mcs-2025',
    'verified',
  ].join(',');

/** Every upload has this many rows, so staging the good ones costs the same whatever the number of bad ones. */
const ROWS = 12_000;
const UNKNOWN =
  'country "XKX" is unknown to this dataset: add it to countries.csv first (or in the same ZIP)';
const KEY = 'country, stage, material, year, unit, basis, projection, sourceId';

/**
 * `bad` rows naming the unknown country XKX after the good rows, then `bad` rows repeating the keys of the first
 * good rows. Line 1 is the header, so good row j is on line j + 2.
 */
function upload(bad: number) {
  const good = ROWS - 2 * bad;
  const lines = [
    ...Array.from({ length: good }, (_, j) => row(j, 'AUS')),
    ...Array.from({ length: bad }, (_, k) => row(k, 'XKX')),
    ...Array.from({ length: bad }, (_, k) => row(k % good, 'AUS')),
  ];
  return {
    csv: `${HEADER}\n${lines.join('\n')}\n`,
    good,
    unknownLine: (k: number) => good + 2 + k,
    duplicateLine: (k: number) => good + bad + 2 + k,
    firstLine: (k: number) => (k % good) + 2,
  };
}

async function* whole(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

/** Stages the upload through a client that counts statements; returns the count and the whole report. */
async function stageCounted(name: string, csv: string) {
  const counted = countQueries(database);
  try {
    const actor = { id: admin.id, email: admin.email, ip: '127.0.0.1' };
    const input = { versionId: draftId, fileName: name, entity: 'production' as const, maxBytes: 10_000_000 };
    const { batchId } = await stageImport(counted.db, actor, input, whole(csv));
    return { queries: counted.count, batchId, statements: counted.statements };
  } finally {
    await counted.close();
  }
}

/** Every listed issue of a batch, page by page. */
async function allIssues(batchId: string) {
  const caller = callerFor(database, admin);
  const first = await caller.imports.report({ batchId, pageSize: 100 });
  const issues = [...first.issues];
  for (let page = 2; (page - 1) * 100 < first.pageInfo.total; page++) {
    issues.push(...(await caller.imports.report({ batchId, pageSize: 100, page })).issues);
  }
  return { report: first, issues };
}

describe('bad rows cost no database call each', () => {
  it('100 or 5,000 unknown-country and duplicate rows: about the same number of statements', async () => {
    const few = upload(100);
    const many = upload(5000);
    const small = await stageCounted('few-bad.csv', few.csv);
    const large = await stageCounted('many-bad.csv', many.csv);
    // Issues are stored a thousand at a time up to MAX_STORED_ISSUES, so the 9,800 more bad rows may bring at
    // most 5 more flushes (a beat, a row insert, a duplicate look-up, the issue write): never a call per row.
    expect(large.queries - small.queries).toBeLessThanOrEqual(4 * (MAX_STORED_ISSUES / 1000));

    const { report, issues } = await allIssues(small.batchId);
    expect(report.batch).toMatchObject({ accepted: few.good, rejected: 200 });
    expect(report.counts.error).toBe(200);
    const errors = issues.filter((i) => i.severity === 'error');
    // Duplicates are found while staging, unknown references afterwards; the report lists them in line order.
    const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
    expect(errors).toEqual(
      [
        ...Array.from({ length: 100 }, (_, k) => ({
          severity: 'error',
          file: 'few-bad.csv',
          line: few.duplicateLine(k),
          column: null,
          message: expect.stringMatching(
            new RegExp(`^duplicate of line ${few.firstLine(k)}: same ${KEY} \\(AUS \\| `),
          ),
        })),
        ...Array.from({ length: 100 }, (_, k) => ({
          severity: 'error',
          file: 'few-bad.csv',
          line: few.unknownLine(k),
          column: 'country',
          message: UNKNOWN,
        })),
      ].sort(byLine),
    );

    const big = await allIssues(large.batchId);
    expect(big.report.batch).toMatchObject({ accepted: many.good, rejected: 10_000 });
    expect(big.report.counts.error).toBe(10_000);
    expect(big.report.listed.error).toBe(MAX_STORED_ISSUES);
    const bigErrors = big.issues.filter((i) => i.severity === 'error');
    // The cap keeps the first 5,000: the duplicates, found while staging.
    expect(bigErrors.map((i) => [i.line, i.message.replace(/: same .*/, '')])).toEqual(
      Array.from({ length: 5000 }, (_, k) => [
        many.duplicateLine(k),
        `duplicate of line ${many.firstLine(k)}`,
      ]),
    );
    const staged = await database.db.importRow.count({
      where: { batchId: large.batchId, data: { path: ['country'], equals: 'XKX' } },
    });
    expect(staged).toBe(0);
  }, 180_000);

  it('unknown references are deleted in chunks: ceil(N / chunk) statements, each bounded by the chunk', async () => {
    const bad = 2 * CHECK_CHUNK_ROWS + 500;
    const csv = `${HEADER}\n${Array.from({ length: bad }, (_, i) => row(i, 'XKX')).join('\n')}\n`;
    const { batchId, statements } = await stageCounted('chunked.csv', csv);
    const deletes = statements.filter(
      (s) => s.sql.includes('DELETE FROM "import_row"') && s.args[1] === 'production',
    );
    // One pass per reference column of production (country, source_id), each over what is still staged.
    const country = deletes.filter((s) => s.sql.includes(`'country'`));
    expect(country).toHaveLength(Math.ceil(bad / CHECK_CHUNK_ROWS));
    for (const s of deletes) expect(s.sql).toMatch(/LIMIT \$5/);
    for (const s of deletes) expect(s.args[4]).toBe(CHECK_CHUNK_ROWS);
    const { report } = await allIssues(batchId);
    expect(report.batch).toMatchObject({ accepted: 0, rejected: bad });
  }, 60_000);

  it('errors past the cap do not push out the warning the draft checks find last', async () => {
    // Every row repeats one key that the draft already has: all but the first are duplicates (errors, found while
    // staging), and the first replaces a draft row (a warning, found after). Each severity has its own cap.
    const rows = MAX_STORED_ISSUES + 20;
    const csv = `${HEADER}\n${Array.from({ length: rows }, () => 'AUS,mining,REE,2023,10,t,REO,false,usgs-mcs-2025,verified').join('\n')}\n`;
    const { batchId } = await stageCounted('same-key.csv', csv);
    const caller = callerFor(database, admin);
    const report = await caller.imports.report({ batchId, pageSize: 100 });
    expect(report.counts).toEqual({ error: rows - 1, warning: 1 });
    expect(report.listed).toEqual({ error: MAX_STORED_ISSUES, warning: 1 });
    expect(report.pageInfo.total).toBe(MAX_STORED_ISSUES + 1);
    const warnings = await caller.imports.report({ batchId, pageSize: 100, severity: 'warning' });
    expect(warnings.pageInfo.total).toBe(1);
    expect(warnings.issues).toEqual([
      {
        severity: 'warning',
        file: 'production.csv',
        line: null,
        column: null,
        message: '1 row(s) have the key of a row already in the draft: applying replaces those rows',
      },
    ]);
    // A whole-file problem (no line) comes first in the report's line order, before 5,000 errors.
    expect(report.issues[0]?.severity).toBe('warning');
  }, 60_000);

  it('a row with several unknown countries is rejected once, for the first of them', async () => {
    const header =
      'id,country,partner,role,focus,parties,start_date,end_date,secures_supply,materials,supplier_countries,source_id,status';
    const partnership = (id: string, country: string, partner: string, suppliers: string) =>
      `${id},${country},${partner},Mining partner,,,,,true,,${suppliers},sojitz-jogmec-2011,verified`;
    const csv = `${header}\n${[
      partnership('all-unknown', 'XKA', 'XKB', 'XKC;XKD'),
      partnership('two-suppliers', 'JPN', 'AUS', 'MYS;XKC;XKD'),
      partnership('fine', 'JPN', 'AUS', 'MYS'),
    ].join('\n')}\n`;
    const actor = { id: admin.id, email: admin.email, ip: '127.0.0.1' };
    const input = { versionId: draftId, fileName: 'partnerships.csv', maxBytes: 1_000_000 };
    const { batchId } = await stageImport(database.db, actor, input, whole(csv));
    const { report, issues } = await allIssues(batchId);
    expect(report.batch).toMatchObject({ accepted: 1, rejected: 2 });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([
      {
        severity: 'error',
        file: 'partnerships.csv',
        line: 2,
        column: 'country',
        message:
          'country "XKA" is unknown to this dataset: add it to countries.csv first (or in the same ZIP)',
      },
      {
        severity: 'error',
        file: 'partnerships.csv',
        line: 3,
        column: 'supplier_countries',
        message:
          'country "XKC" is unknown to this dataset: add it to countries.csv first (or in the same ZIP)',
      },
    ]);
  });
});
