// A ZIP is read as a stream, entry by entry; only its central directory at the end says the archive is whole and
// which files it holds (what every other ZIP tool shows). An archive cut at an entry boundary, without its
// directory, or whose directory disagrees with its entries contributes no rows (ASVS 2.3.3); valid ones still
// import, however they were written.
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { concat } from './zip-bytes.ts';
import { ROWS, tables, zipImports } from './zip-support.ts';

const { importZip, expectNoRows } = zipImports('ZIP integrity');

/** Where the end-of-central-directory record starts (no archive comment here). */
const endRecord = (zip: Uint8Array) => zip.length - 22;
const view = (zip: Uint8Array) => new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
/** Where the central directory starts, as the end record says. */
const directoryOffset = (zip: Uint8Array) => view(zip).getUint32(endRecord(zip) + 16, true);
/** Where the local header of the directory's second entry starts. */
const secondEntryOffset = (zip: Uint8Array) => {
  const first = directoryOffset(zip);
  const v = view(zip);
  const length =
    46 + v.getUint16(first + 28, true) + v.getUint16(first + 30, true) + v.getUint16(first + 32, true);
  return v.getUint32(first + length + 42, true);
};

/** A ZIP written by the streaming writer: sizes and CRC in a data descriptor after each entry's data. */
function streamedZip(files: Record<string, Uint8Array>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, data, final) => {
      if (error) return reject(error);
      parts.push(data);
      if (final) resolve(concat(...parts));
    });
    for (const [name, data] of Object.entries(files)) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(data, true);
    }
    zip.end();
  });
}

describe('valid archives still import', () => {
  const writers: [string, () => Promise<Uint8Array>][] = [
    ['a stored ZIP', async () => zipSync(tables(), { level: 0 })],
    ['a deflated ZIP', async () => zipSync(tables(), { level: 6 })],
    ['a streamed ZIP (data descriptors)', () => streamedZip(tables())],
    [
      'a ZIP with an archive comment',
      async () => zipSync(tables(), { level: 6, comment: 'exported by hand' }),
    ],
  ];
  for (const [kind, write] of writers) {
    it(`${kind}: every row accepted, no problem`, async () => {
      const { batch, issues } = await importZip(await write());
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(batch).toMatchObject({ accepted: ROWS, rejected: 0, fileErrors: 0 });
    });
  }
});

describe('an archive not readable to its end contributes no rows', () => {
  const missing = /it has no central directory at its end: it was cut short, or is not a whole archive/;

  it('cut right after its last complete entry, before the central directory', async () => {
    const zip = zipSync(tables(), { level: 0 });
    await expectNoRows(zip.subarray(0, directoryOffset(zip)), missing);
  });

  it('cut right after its first complete entry', async () => {
    const zip = zipSync(tables(), { level: 6 });
    await expectNoRows(zip.subarray(0, secondEntryOffset(zip)), missing);
  });

  it('its central directory lists fewer entries than it holds (a file other tools do not show)', async () => {
    const files = tables();
    const both = zipSync(files, { level: 0 });
    const countriesOnly = zipSync(
      { 'countries.csv': files['countries.csv'] ?? new Uint8Array() },
      { level: 0 },
    );
    const body = both.subarray(0, directoryOffset(both));
    const forged = concat(body, countriesOnly.subarray(directoryOffset(countriesOnly)));
    view(forged).setUint32(endRecord(forged) + 16, body.length, true);
    await expectNoRows(forged, /its central directory lists 1 entry, but the archive holds 2/);
  });

  it('its central directory names another file', async () => {
    const zip = zipSync(tables(), { level: 0 });
    const name = strToU8('production.csv');
    const at = zip.findIndex((_, i) => i >= directoryOffset(zip) && name.every((b, j) => zip[i + j] === b));
    zip.set(strToU8('productiom.csv'), at);
    await expectNoRows(zip, /its central directory lists "productiom.csv" where it holds "production.csv"/);
  });

  it('its central directory has another CRC for an entry', async () => {
    const zip = zipSync(tables(), { level: 6 });
    const first = directoryOffset(zip);
    view(zip).setUint32(first + 16, view(zip).getUint32(first + 16, true) ^ 1, true);
    await expectNoRows(zip, /countries.csv: its size or checksum disagrees with the central directory/);
  });

  it('its end record points somewhere else', async () => {
    const zip = zipSync(tables(), { level: 0 });
    view(zip).setUint32(endRecord(zip) + 16, directoryOffset(zip) - 1, true);
    await expectNoRows(zip, /its central directory is not where its end record says/);
  });
});
