// Issue 12, second attacker review: a ZIP whose first entry, `.notes` (stored, with a data descriptor, skipped by
// the importer), carries a second local header named prices.csv inside its data, followed by other rows. fflate
// ends an entry with a descriptor at the first signature in its data, so it read the hidden prices.csv, while the
// directory and every other ZIP tool (`unzip -t`, Python's zipfile: "no errors") see a harmless prices.csv after
// `.notes`; the directory's CRC of prices.csv was forged to match the hidden copy. The import accepted 37 rows,
// two of them "SMUGGLED". Skipped entries are now unpacked and counted too, so `.notes` read short of the size the
// directory gives it refuses the archive. The fixture is the reviewer's archive (2,927 bytes), kept as it was made.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unreadable, zipImports } from './zip-support.ts';

const { importZip } = zipImports('ZIP hidden entry');
const fixture = path.join(import.meta.dirname, 'fixtures', 'zip-entry-hidden-in-skipped-entry.zip');

describe('an entry hidden inside a skipped entry', () => {
  for (const chunkBytes of [7, 1000, 65_536]) {
    it(`is refused with no rows, in ${chunkBytes}-byte chunks`, async () => {
      const { batch, issues } = await importZip(new Uint8Array(await readFile(fixture)), chunkBytes);
      // The hidden copy's rows were read (and their problems listed) before the directory at the end showed the
      // archive is not what it seems: none of them is accepted.
      expect(batch).toMatchObject({ accepted: 0, fileErrors: 1 });
      expect(issues).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          line: null,
          message: expect.stringMatching(
            unreadable(/\.notes: its size or checksum disagrees with the central directory/),
          ),
        }),
      );
    });
  }
});
