// Issue 12, attacker review: where a ZIP's entries sit. The stream reader found entries by their signature and
// stepped over anything else, and never compared where it found them with the local-header offsets the central
// directory gives (which every other ZIP tool follows). Now the archive must be entry after entry with nothing
// in between, up to a directory whose offsets are where the headers were read; encrypted entries are refused.
// Each such archive gives one specific file problem and no rows. Archives are written byte by byte (zip-bytes.ts).
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildZip, concat, ENCRYPTED, type EntrySpec, writeEntry } from './zip-bytes.ts';
import { ROWS, tables, zipImports } from './zip-support.ts';

const { importZip, expectNoRows } = zipImports('ZIP layout');

type Spec = Omit<EntrySpec, 'name' | 'data'>;

/** The two tables' entries, written as `spec` says (the last as `last` says). */
function tableEntries(spec: Spec = {}, last: Spec = spec) {
  const files = Object.entries(tables());
  return files.map(([name, data], i) =>
    writeEntry({ name, data, ...(i === files.length - 1 ? last : spec) }),
  );
}

describe('well-formed archives written byte by byte import, in chunks of any size', () => {
  const kinds: [string, Spec, Spec?][] = [
    ['stored', {}],
    ['deflated', { method: 8 }],
    ['deflated, descriptors with signature', { method: 8, descriptor: 'signed' }],
    ['stored, descriptors with signature', { descriptor: 'signed' }],
    // fflate's Unzip cannot end an entry whose descriptor has no signature right before the directory (it
    // reports "unexpected EOF"), so here only the first entry's descriptor goes without.
    [
      'deflated, a descriptor without signature',
      { method: 8, descriptor: 'unsigned' },
      { method: 8, descriptor: 'signed' },
    ],
  ];
  for (const [kind, spec, last] of kinds) {
    for (const chunkBytes of [7, 4096]) {
      it(`${kind}, ${chunkBytes}-byte chunks: every row accepted, no problem`, async () => {
        const entries = tableEntries(spec, last);
        const { batch, issues } = await importZip(buildZip(entries), chunkBytes);
        expect(issues).toEqual([]);
        expect(batch).toMatchObject({ accepted: ROWS, rejected: 0, fileErrors: 0 });
      });
    }
  }
});

describe('a directory whose local-header offsets are not where the headers are gives no rows', () => {
  it('an entry listed at another offset', async () => {
    const entries = tableEntries();
    const zip = buildZip(entries, { offsets: ([a = 0, b = 0]) => [a, b - 1] });
    const at = (entries[0]?.bytes.length ?? 0) - 1;
    await expectNoRows(
      zip,
      new RegExp(
        `"production.csv": its central directory puts its local header at byte ${at}, but it is at byte ${at + 1}`,
      ),
    );
  });

  it('entries listed in order but with their offsets swapped', async () => {
    const zip = buildZip(tableEntries({ method: 8 }), { offsets: ([a = 0, b = 0]) => [b, a] });
    await expectNoRows(
      zip,
      /"countries.csv": its central directory puts its local header at byte \d+, but it is at byte 0/,
    );
  });

  it('a second copy of an entry smuggled into another entry, where the directory points', async () => {
    // notes.txt holds a whole production.csv entry; the directory sends other tools to that copy.
    const [countries, production] = tableEntries();
    if (!countries || !production) throw new Error('two tables');
    const notes = writeEntry({ name: 'notes.txt', data: production.bytes });
    const zip = buildZip([notes, production], { offsets: ([a = 0]) => [a, a + 30 + 'notes.txt'.length] });
    await expectNoRows(
      zip,
      /"production.csv": its central directory puts its local header at byte 39, but it is at byte \d+/,
    );
  });
});

describe('bytes that belong to no entry give no rows', () => {
  const junk = strToU8('not part of any entry');

  it('between two entries', async () => {
    const entries = tableEntries();
    const at = entries[0]?.bytes.length ?? 0;
    await expectNoRows(
      buildZip(entries, { gaps: [junk] }),
      new RegExp(`it has bytes that belong to no entry at byte ${at}, after "countries.csv"`),
    );
  });

  it('between the last entry and the central directory', async () => {
    const entries = tableEntries({ method: 8, descriptor: 'signed' });
    const at = entries.reduce((n, e) => n + e.bytes.length, 0);
    await expectNoRows(
      buildZip(entries, { gaps: [undefined, junk] }),
      new RegExp(`it has bytes that belong to no entry at byte ${at}, after "production.csv"`),
      7,
    );
  });

  it('a fake directory record between the last entry and the central directory', async () => {
    const entries = tableEntries();
    const at = entries.reduce((n, e) => n + e.bytes.length, 0);
    const fake = concat(new Uint8Array([0x50, 0x4b, 0x01, 0x02]), junk);
    await expectNoRows(
      buildZip(entries, { gaps: [undefined, fake] }),
      new RegExp(`it has bytes that belong to no entry at byte ${at}, after "production.csv"`),
    );
  });

  it('in front of the first entry', async () => {
    const zip = buildZip(tableEntries());
    await expectNoRows(
      concat(junk, zip),
      /it does not start with a ZIP entry: it is not a ZIP archive, or has data in front/,
    );
  });
});

describe('encrypted entries are refused, not read as garbage', () => {
  for (const method of [0, 8] as const) {
    it(`an encrypted ${method ? 'deflated' : 'stored'} production.csv`, async () => {
      const [countries, production] = Object.entries(tables());
      if (!countries || !production) throw new Error('two tables');
      // What a reader sees of an encrypted entry: a 12-byte encryption header, then scrambled bytes.
      const scrambled = production[1].map((b, i) => b ^ (i * 37 + 11));
      const zip = buildZip([
        writeEntry({ name: countries[0], data: countries[1] }),
        writeEntry({
          name: 'production.csv',
          data: concat(new Uint8Array(12), scrambled),
          flags: ENCRYPTED,
          method,
        }),
      ]);
      await expectNoRows(
        zip,
        /"production.csv" is encrypted \(password-protected\): export the archive without a password/,
      );
    });
  }
});
