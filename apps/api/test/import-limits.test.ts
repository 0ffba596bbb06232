// Issue 12, findings 4 and 7: what an import does with files built to exhaust it — a ZIP of thousands of entries or
// cut short, one line of 50 MB — each gives a clear problem in the report (never a 500), and a file that cannot be
// read to its end gives no rows. Finding 10 (what a cell may hold): import-cells.test.ts.
import { MAX_ECHO_CHARS, MAX_FIELD_CHARS, MAX_RECORD_CHARS } from '@ree/domain';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageInput } from '../src/imports/stage-import.ts';
import type { Problem, RecordSink } from '../src/imports/upload-sink.ts';
import { MAX_ZIP_ENTRIES, ZipReader } from '../src/imports/zip-reader.ts';
import { rowCounts } from '../src/queries/dataset-versions.ts';
import {
  type AdminDraft,
  chunks,
  PRODUCTION_HEADER as HEADER,
  openAdminDraft,
  productionRow as row,
  simpleProblem as simple,
  stageAndReport,
} from './import-support.ts';
import { callerFor, outcomeOf } from './support.ts';

let draft: AdminDraft;

beforeAll(async () => {
  draft = await openAdminDraft('Limits');
});
afterAll(async () => {
  await draft?.database.close();
});

const importFrom = (name: string, source: AsyncIterable<Uint8Array>, options: Partial<StageInput> = {}) =>
  stageAndReport(draft, name, source, options);

const importFile = (name: string, data: string | Uint8Array, size = 7, options: Partial<StageInput> = {}) =>
  importFrom(name, chunks(data, size), options);

/** A three-letter code for entry i (AAA, AAB, …), so every entry's country row has its own key. */
const iso3 = (i: number) =>
  [Math.floor(i / 676), Math.floor(i / 26) % 26, i % 26].map((n) => String.fromCharCode(65 + n)).join('');

function zipOfCountries(entries: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < entries; i++) {
    files[`part${i}/countries.csv`] = strToU8(`iso3,name,region\n${iso3(i)},Land ${i},Asia\n`);
  }
  return zipSync(files, { level: 0 });
}

describe('a ZIP that cannot be read to its end contributes no rows (finding 4)', () => {
  it(`a ZIP of 5,000 entries (more than ${MAX_ZIP_ENTRIES}) gives a file problem, 0 rows, nothing to apply`, async () => {
    const before = await rowCounts(draft.database.db, draft.draftId);
    const zip = zipOfCountries(5000);
    const { batch, issues, batchId } = await importFile('many.zip', zip, 64 * 1024, { maxBytes: 10_000_000 });
    expect(issues.map(simple)).toEqual([
      {
        severity: 'error',
        line: null,
        column: null,
        message: `the ZIP archive cannot be read (it has more than ${MAX_ZIP_ENTRIES} entries; a dataset has one file per table); none of its files were imported`,
      },
    ]);
    expect(batch).toMatchObject({ accepted: 0, fileErrors: 1 });
    const caller = callerFor(draft.database, draft.admin);
    const applied = await outcomeOf(caller.imports.applyRows({ batchId }));
    if (applied === 'OK') expect(await rowCounts(draft.database.db, draft.draftId)).toEqual(before);
    expect(await rowCounts(draft.database.db, draft.draftId)).toEqual(before);
  });

  it('a ZIP cut short after its first entries keeps none of their rows', async () => {
    const zip = zipSync(
      {
        'countries.csv': strToU8('iso3,name,region\nXZA,Zland,Asia\n'),
        'production.csv': strToU8(
          `${HEADER}\n${Array.from({ length: 70 }, (_, i) => row(String(1950 + i), String(i))).join('\n')}\n`,
        ),
      },
      { level: 0 },
    );
    // Stored, not deflated: the last 400 bytes are the central directory and the end of production.csv.
    const { batch, issues } = await importFile('cut.zip', zip.subarray(0, zip.length - 400), 4096);
    expect(issues.map(simple)).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: null,
        message: expect.stringMatching(
          /^the ZIP archive cannot be read \(.+\); none of its files were imported$/,
        ),
      }),
    ]);
    expect(batch).toMatchObject({ accepted: 0 });
  });

  it('reads 20,000 entries that arrive in one chunk without running out of stack', async () => {
    const zip = zipOfCountries(20_000);
    const problems: Problem[] = [];
    let records = 0;
    const sink: RecordSink = {
      header: async () => true,
      record: async () => {
        records++;
      },
      problem: async (p) => {
        problems.push(p);
      },
    };
    const reader = new ZipReader(sink, 100_000_000, 20_000);
    await reader.push(zip);
    await reader.end();
    expect(problems).toEqual([]);
    expect(records).toBe(20_000);
  });
});

describe('lines and fields are capped while streaming; echoed values are cut short (finding 7)', () => {
  /** A header, then `body` then a line of `megabytes` MB of "x" with no line break, in 256 kB chunks. */
  async function* longLine(head: string, megabytes: number): AsyncGenerator<Uint8Array> {
    yield new TextEncoder().encode(head);
    const filler = new Uint8Array(256 * 1024).fill(0x78);
    for (let sent = 0; sent < megabytes * 1024 * 1024; sent += filler.length) yield filler;
  }

  it('one 50 MB line: a file problem with its line number, no rows', async () => {
    const { batch, issues } = await importFrom(
      'production.csv',
      longLine(`${HEADER}\n${row('2019')}\nAUS,mining,REE,2018,`, 50),
      { maxBytes: 60 * 1024 * 1024 },
    );
    expect(issues.map(simple)).toEqual([
      {
        severity: 'error',
        line: 3,
        column: null,
        message: `a field longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters; the rest of the file was not read`,
      },
    ]);
    expect(batch).toMatchObject({ accepted: 0, fileErrors: 1 });
  }, 60_000);

  it('a 50 MB header: a file problem on line 1; the report echoes nothing long', async () => {
    const { batch, issues } = await importFrom('production.csv', longLine(`${HEADER},`, 50), {
      maxBytes: 60 * 1024 * 1024,
    });
    expect(issues.map(simple)).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 1,
        message: expect.stringMatching(/^a field longer than/),
      }),
    ]);
    expect(batch.accepted).toBe(0);
  }, 60_000);

  it(`a line of many short fields longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters is refused`, async () => {
    const long = `${row('2017')},${'ab,'.repeat(MAX_RECORD_CHARS / 3 + 10)}`;
    const { batch, issues } = await importFile(
      'production.csv',
      `${HEADER}\n${row('2016')}\n${long}\n`,
      64 * 1024,
      {
        maxBytes: 10_000_000,
      },
    );
    expect(issues.map(simple)).toEqual([
      {
        severity: 'error',
        line: 3,
        column: null,
        message: `a line (record) longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters; the rest of the file was not read`,
      },
    ]);
    expect(batch.accepted).toBe(0);
  });

  it(`values echoed in problems and warnings are cut to ${MAX_ECHO_CHARS} characters`, async () => {
    const big = 'y'.repeat(90_000);
    const csv = `${HEADER},${big}\n${row(big)},1\n${row('2015')},1\nAUS,mining,REE,2014,1,t,REO,false,${big},verified,1\n`;
    const { issues } = await importFile('production.csv', csv, 64 * 1024);
    expect(issues.length).toBeGreaterThanOrEqual(3);
    const echoed = `"${'y'.repeat(MAX_ECHO_CHARS - 1)}…"`;
    expect(issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        `ignored column(s) that production.csv does not have: ${echoed.slice(1, -1)}`,
        `${echoed} is not a number`,
        expect.stringContaining(`(got ${echoed})`),
      ]),
    );
    for (const issue of issues) expect(issue.message.length).toBeLessThan(MAX_ECHO_CHARS + 200);
  });

  it('JSON: a 1.1 MB element and a 200 kB field are file problems with their line', async () => {
    const element = (over: string) =>
      `{"country":"AUS","stage":"mining","material":"REE","year":2013,"quantity":1,"unit":"t","basis":"REO","source_id":"usgs-mcs-2025","status":"verified"${over}}`;
    const huge = await importFile(
      'production.json',
      `[\n${element('')},\n${element(Array.from({ length: 12 }, (_, i) => `,"x${i}":"${'z'.repeat(90_000)}"`).join(''))}\n]`,
      64 * 1024,
      { maxBytes: 3_000_000 },
    );
    expect(huge.issues.map(simple)).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 3,
        message: expect.stringMatching(/^an object longer than 1,000,000 characters/),
      }),
    ]);
    expect(huge.batch.accepted).toBe(0);
    const field = await importFile(
      'production.json',
      `[\n${element('')},\n${element(`,"x":"${'z'.repeat(200_000)}"`)}\n]`,
      64 * 1024,
    );
    expect(field.issues.map(simple)).toEqual([
      {
        severity: 'error',
        line: 3,
        column: null,
        message: `a field longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters; the rest of the file was not read`,
      },
    ]);
    expect(field.batch.accepted).toBe(0);
  });
});
