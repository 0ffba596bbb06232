// Issue 12, findings 4, 7 and 10: what an import does with files built to exhaust it — a ZIP of thousands of
// entries or cut short, one line of 50 MB, JSON nested 300,000 deep, numbers a year cannot be, NUL bytes — each
// gives a clear problem in the report (never a 500), and a file that cannot be read to its end gives no rows.
import { type EntityName, MAX_ECHO_CHARS, MAX_FIELD_CHARS, MAX_RECORD_CHARS } from '@ree/domain';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { type StageInput, stageImport } from '../src/imports/stage-import.ts';
import type { Problem, RecordSink } from '../src/imports/upload-sink.ts';
import { MAX_ZIP_ENTRIES, ZipReader } from '../src/imports/zip-reader.ts';
import { rowCounts } from '../src/queries/dataset-versions.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { chunks, openAdminDraft } from './import-support.ts';
import { callerFor, outcomeOf } from './support.ts';

let database: Database;
let admin: SessionUser;
let draftId: string;

beforeAll(async () => {
  ({ database, admin, draftId } = await openAdminDraft('Limits'));
});
afterAll(async () => {
  await database?.close();
});

async function importFrom(
  name: string,
  source: AsyncIterable<Uint8Array>,
  options: Partial<StageInput> = {},
) {
  const staged = await stageImport(
    database.db,
    { id: admin.id, email: admin.email, ip: '127.0.0.1' },
    { versionId: draftId, fileName: name, maxBytes: 1_000_000, ...options },
    source,
  );
  const report = await callerFor(database, admin).imports.report({ batchId: staged.batchId, pageSize: 100 });
  return { ...staged, ...report };
}

const importFile = (name: string, data: string | Uint8Array, size = 7, options: Partial<StageInput> = {}) =>
  importFrom(name, chunks(data, size), options);

const simple = (p: { severity: string; line: number | null; column: string | null; message: string }) => ({
  severity: p.severity,
  line: p.line,
  column: p.column,
  message: p.message,
});

const HEADER = 'country,stage,material,year,quantity,unit,basis,projection,source_id,status';
const row = (year: string, quantity = '21000') =>
  `AUS,mining,REE,${year},${quantity},t,REO,false,usgs-mcs-2025,verified`;

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
    const before = await rowCounts(database.db, draftId);
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
    const caller = callerFor(database, admin);
    const applied = await outcomeOf(caller.imports.applyRows({ batchId }));
    if (applied === 'OK') expect(await rowCounts(database.db, draftId)).toEqual(before);
    expect(await rowCounts(database.db, draftId)).toEqual(before);
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

describe('JSON depth, numbers a year cannot be, NUL bytes (finding 10)', () => {
  const element = (fields: string) =>
    `{"country":"AUS","stage":"mining","material":"REE","quantity":1,"unit":"t","basis":"REO","source_id":"usgs-mcs-2025","status":"verified",${fields}}`;

  it('a JSON array nested 300,000 deep is a file problem, not a 500', async () => {
    const deep = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;
    const inside = await importFile(
      'production.json',
      `[\n${element(`"year":2012,"basis":${deep}`)}\n]`,
      64 * 1024,
    );
    expect(inside.issues.map(simple)).toEqual([
      {
        severity: 'error',
        line: 2,
        column: null,
        message: 'arrays or objects nested more than 16 deep; the rest of the file was not read',
      },
    ]);
    expect(inside.batch.accepted).toBe(0);
    const top = await importFile('production.json', deep, 64 * 1024);
    expect(top.issues.map(simple)).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 1,
        message: expect.stringMatching(/must be an object/),
      }),
    ]);
  });

  const years: [string, RegExp][] = [
    ['1e309', /^"1e309" is not a finite number$/],
    ['2024.0', /^"2024.0" must be written as a whole number, without a decimal point \(e.g. 2024\)$/],
    ['2.024e3', /^"2.024e3" must be written as a whole number, without an exponent \(e.g. 2024\)$/],
    ['02024', /^"02024" must be written as a whole number, without leading zeros \(e.g. 2024\)$/],
  ];
  for (const [year, message] of years) {
    it(`year ${year} is refused with a specific message, in CSV and in JSON`, async () => {
      const csv = await importFile('production.csv', `${HEADER}\n${row(year)}\n`);
      expect(csv.issues.map(simple)).toEqual([
        { severity: 'error', line: 2, column: 'year', message: expect.stringMatching(message) },
      ]);
      const json = await importFile('production.json', `[\n${element(`"year":${year}`)}\n]`);
      expect(json.issues.map(simple)).toEqual([
        { severity: 'error', line: 2, column: 'year', message: expect.stringMatching(message) },
      ]);
      expect(json.batch.accepted).toBe(0);
    });
  }

  it('1e309 in a number field is "not a finite number" too', async () => {
    const { issues } = await importFile('production.csv', `${HEADER}\n${row('2011', '1e309')}\n`);
    expect(issues.map(simple)).toEqual([
      { severity: 'error', line: 2, column: 'quantity', message: '"1e309" is not a finite number' },
    ]);
  });

  it('a NUL byte in a name is a rejected row with its line and column, in CSV and JSON (never a 500)', async () => {
    const entity: EntityName = 'countries';
    const csv = await importFile(`${entity}.csv`, 'iso3,name,region\nXNA,Bad\0name,Asia\nXNB,Good,Asia\n');
    const nul = {
      severity: 'error',
      line: 2,
      column: 'name',
      message: expect.stringMatching(/NUL character/),
    };
    expect(csv.issues.map(simple)).toEqual([nul]);
    expect(csv.batch).toMatchObject({ accepted: 1, rejected: 1 });
    const json = await importFile(
      `${entity}.json`,
      '[\n{"iso3":"XNC","name":"Bad\\u0000name","region":"Asia"},\n{"iso3":"XND","name":"Fine","region":"Asia"}]',
    );
    expect(json.issues.map(simple)).toEqual([nul]);
    expect(json.batch).toMatchObject({ accepted: 1, rejected: 1 });
    const key = await importFile(
      `${entity}.json`,
      '[{"iso3":"XNE","name":"Fine","region":"Asia","x\\u0000y":1}]',
    );
    expect(key.issues.map((i) => i.message)).toEqual(['ignored field(s) this table does not have: x␀y']);
  });

  it('a lone UTF-16 surrogate in JSON is a rejected row like a NUL; in a key it is echoed as U+FFFD', async () => {
    const entity: EntityName = 'countries';
    const json = await importFile(
      `${entity}.json`,
      '[\n{"iso3":"XSA","name":"Bad\\ud800name","region":"Asia"},\n{"iso3":"XSB","name":"Fine","region":"Asia"}]',
    );
    expect(json.issues.map(simple)).toEqual([
      {
        severity: 'error',
        line: 2,
        column: 'name',
        message: expect.stringMatching(/broken character \(a lone UTF-16 surrogate\)/),
      },
    ]);
    expect(json.batch).toMatchObject({ accepted: 1, rejected: 1 });
    const key = await importFile(
      `${entity}.json`,
      '[{"iso3":"XSC","name":"Fine","region":"Asia","x\\udc00y":1}]',
    );
    expect(key.issues.map((i) => i.message)).toEqual(['ignored field(s) this table does not have: x\uFFFDy']);
    // CSV is UTF-8, which has no spelling for a lone surrogate: the bytes one would take make the file unreadable.
    const csv = await importFile(
      `${entity}.csv`,
      new Uint8Array([...strToU8('iso3,name,region\nXSD,Bad'), 0xed, 0xa0, 0x80, ...strToU8(',Asia\n')]),
    );
    expect(csv.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^this is not UTF-8 text/)]);
    expect(csv.batch.accepted).toBe(0);
  });
});
