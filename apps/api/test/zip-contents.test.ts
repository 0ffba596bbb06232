// Issue 12, attacker review: what a ZIP holds, by its entries' names. An archive with nothing the importer reads
// is an error that says so (it used to give 0 rows and at most a warning); names written by Windows tools, with
// `\` between folders, are read like those with `/`, both for which table a file is and for names that climb out
// of the archive (`..\..\x`), which are refused.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { simpleProblem } from './import-support.ts';
import { ROWS, tables, zipImports } from './zip-support.ts';

const { importZip, expectRefused, expectNoRows } = zipImports('ZIP contents');

/** tables() with every name put in `folder` (joined with `\`, as Windows tools do). */
function inFolder(folder: string): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(tables()).map(([name, data]) => [`${folder}\\${name}`, data]));
}

describe('an archive with no table file in it is an error that says so', () => {
  it('an empty archive (only its end record)', async () => {
    const empty = zipSync({});
    expect(empty.length).toBe(22);
    await expectRefused(
      empty,
      /^the ZIP archive is empty: it holds no files; a dataset's ZIP holds one file per table, such as production\.csv$/,
    );
  });

  it('an archive of files that are not tables', async () => {
    const zip = zipSync({
      'README.txt': strToU8('hello'),
      'dataset.json': strToU8('{}'),
      'data/': new Uint8Array(),
    });
    await expectRefused(
      zip,
      /^the ZIP archive holds no table's file \(names such as production\.csv or countries\.json\); it holds README\.txt, dataset\.json, data\/$/,
    );
  });

  it('an archive of only folders and macOS metadata', async () => {
    const zip = zipSync({ 'data\\': new Uint8Array(), '__MACOSX/._production.csv': strToU8('x') });
    await expectRefused(
      zip,
      /^the ZIP archive holds no table's file \(.+\); it holds data\\, __MACOSX\/\._production\.csv$/,
    );
  });
});

describe('names with `\\` between folders', () => {
  it('data\\production.csv and data\\countries.csv import, a folder entry and macOS metadata are passed over', async () => {
    const zip = zipSync({
      'data\\': new Uint8Array(),
      ...inFolder('data'),
      '__MACOSX\\data\\._production.csv': strToU8('\0\x05\x16\x07 not a CSV'),
      'data\\.hidden.csv': strToU8('not read'),
    });
    const { batch, issues } = await importZip(zip);
    expect(issues.map(simpleProblem)).toEqual([]);
    expect(batch).toMatchObject({ accepted: ROWS, rejected: 0, fileErrors: 0 });
  });

  it('a table under __MACOSX\\ is macOS metadata, not read', async () => {
    const zip = zipSync({
      ...tables(),
      '__MACOSX\\production.csv': tables()['production.csv'] ?? new Uint8Array(),
    });
    const { batch, issues } = await importZip(zip);
    expect(issues.map(simpleProblem)).toEqual([]);
    expect(batch).toMatchObject({ accepted: ROWS, fileErrors: 0 });
  });
});

describe('names that climb out of the archive are refused, with either separator', () => {
  const names = [
    '..\\..\\production.csv',
    '../production.csv',
    'data\\..\\..\\production.csv',
    'data/../../production.csv',
    '/etc/production.csv',
    '\\production.csv',
    'C:\\data\\production.csv',
  ];
  for (const name of names) {
    it(name, async () => {
      const files = tables();
      const zip = zipSync({
        'countries.csv': files['countries.csv'] ?? new Uint8Array(),
        [name]: files['production.csv'] ?? new Uint8Array(),
      });
      const escaped = name.replace(/[\\.^$()[\]]/g, '\\$&');
      await expectNoRows(
        zip,
        new RegExp(`"${escaped}": its name points outside the archive \\(a "\\.\\." or an absolute path\\)`),
      );
    });
  }
});
