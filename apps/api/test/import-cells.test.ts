// Issue 12, finding 10: what a cell of an imported file may hold. JSON nested too deep, numbers a year cannot be,
// NUL bytes and lone UTF-16 surrogates each give a clear problem in the report (never a 500): a bad cell rejects its
// row, the other rows stand.
import type { EntityName } from '@ree/domain';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdminDraft,
  chunks,
  PRODUCTION_HEADER as HEADER,
  openAdminDraft,
  productionRow as row,
  simpleProblem as simple,
  stageAndReport,
} from './import-support.ts';

let draft: AdminDraft;

beforeAll(async () => {
  draft = await openAdminDraft('Cells');
});
afterAll(async () => {
  await draft?.database.close();
});

const importFile = (name: string, data: string | Uint8Array, size = 7) =>
  stageAndReport(draft, name, chunks(data, size));

describe('JSON depth, numbers a year cannot be, NUL bytes, lone surrogates (finding 10)', () => {
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
