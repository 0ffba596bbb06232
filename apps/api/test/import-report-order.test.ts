// Issue 14, validation reports read like the file: problems in file, line, column order, whenever they were found
// (the draft checks, which run after the file is read, find theirs last).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AdminDraft,
  chunks,
  openAdminDraft,
  PRODUCTION_HEADER,
  productionRow,
  stageAndReport,
} from './import-support.ts';

let draft: AdminDraft;
beforeAll(async () => {
  draft = await openAdminDraft('Report order');
});
afterAll(async () => {
  await draft?.database.close();
});

describe('import report order', () => {
  it('lists problems by line, not by when they were found', async () => {
    const csv = [
      PRODUCTION_HEADER,
      // Line 2: a country the draft does not have — found by the draft checks, after the whole file is read.
      productionRow('2001').replace(/^AUS/, 'ZZZ'),
      // Line 3: not a number — found while reading.
      productionRow('2002', 'lots'),
      productionRow('2003'),
      // Line 5: found while reading, and again after line 2's problem.
      productionRow('2004', 'many'),
      // Line 6: a row the draft already has — a warning about the whole file (no line), found last of all.
      'CHN,mining,REE,2024,270000,t,REO,false,usgs-mcs-2025,verified',
    ].join('\n');
    const { issues } = await stageAndReport(draft, 'production.csv', chunks(`${csv}\n`));
    const lines = issues.map((i) => i.line);
    expect(lines).toEqual([null, 2, 3, 5]);
    expect(issues[0]?.message).toMatch(/already in the draft/);
    expect(issues[1]?.column).toBe('country');
  });
});
