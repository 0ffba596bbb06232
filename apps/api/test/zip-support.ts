// What the ZIP tests share: a draft to import into, two tables' files with fresh rows, and the check that an
// archive gave one file problem, no rows, and left the draft as it was.
import { randomInt } from 'node:crypto';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, expect } from 'vitest';
import { rowCounts } from '../src/queries/dataset-versions.ts';
import { type AdminDraft, chunks, openAdminDraft, simpleProblem, stageAndReport } from './import-support.ts';

/** Two tables' files with rows of their own (every archive built here has new content, so none is a re-import). */
export function tables(): Record<string, Uint8Array> {
  const code = `X${String.fromCharCode(65 + randomInt(26), 65 + randomInt(26))}`;
  const production = Array.from(
    { length: 30 },
    (_, i) => `${code},mining,REE,${1960 + i},${i + 1},t,REO,false,usgs-mcs-2025,verified`,
  );
  return {
    'countries.csv': strToU8(`iso3,name,region\n${code},Land ${code},Asia\n`),
    'production.csv': strToU8(
      `country,stage,material,year,quantity,unit,basis,projection,source_id,status\n${production.join('\n')}\n`,
    ),
  };
}
/** The rows in tables(): one country, 30 production rows. */
export const ROWS = 31;

/** The message of an archive that cannot be read to its end, for `reason`. */
export const unreadable = (reason: RegExp) =>
  new RegExp(`^the ZIP archive cannot be read \\(${reason.source}\\); none of its files were imported$`);

/** Opens a draft for the file's tests (closed after them) and gives what imports a ZIP into it. */
export function zipImports(label: string) {
  let draft: AdminDraft;
  beforeAll(async () => {
    draft = await openAdminDraft(label);
  });
  afterAll(async () => {
    await draft?.database.close();
  });

  const importZip = (zip: Uint8Array, chunkBytes = 1000) =>
    stageAndReport(draft, 'dataset.zip', chunks(zip, chunkBytes));

  /** Imports the archive and expects that one file problem, no rows, and the draft as it was. */
  async function expectRefused(zip: Uint8Array, message: RegExp, chunkBytes?: number) {
    const before = await rowCounts(draft.database.db, draft.draftId);
    const { batch, issues } = await importZip(zip, chunkBytes);
    expect(issues.map(simpleProblem)).toEqual([
      { severity: 'error', line: null, column: null, message: expect.stringMatching(message) },
    ]);
    expect(batch).toMatchObject({ accepted: 0, fileErrors: 1 });
    expect(await rowCounts(draft.database.db, draft.draftId)).toEqual(before);
  }

  return {
    importZip,
    expectRefused,
    /** An archive that cannot be read to its end, for `reason`. */
    expectNoRows: (zip: Uint8Array, reason: RegExp, chunkBytes?: number) =>
      expectRefused(zip, unreadable(reason), chunkBytes),
  };
}
