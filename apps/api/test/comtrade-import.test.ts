// Importing a UN Comtrade (Comtrade+) CSV export into a draft: annual imports of the rare-earth HS codes become
// trade rows by partner, with the "World" partner as the total that makes them shares; the export is their
// source. The fixture has Comtrade's layout and file name; its figures are made up for the test.
import { readFile } from 'node:fs/promises';
import { mixFromRows } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { applyImport } from '../src/imports/apply-import.ts';
import { exportDateOf, partnerCode } from '../src/imports/comtrade.ts';
import { stageImport } from '../src/imports/stage-import.ts';
import { datasetRows } from '../src/queries/dataset-rows.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

const NAME = 'TradeData_12_1_2026_10_30_45.csv';
const FIXTURE = new URL(`./fixtures/${NAME}`, import.meta.url);

let database: Database;
let admin: SessionUser;
beforeAll(async () => {
  database = await openTestDatabase();
  admin = await createTestUser(database, 'admin');
});
afterAll(() => database?.close());

async function importInto(draftId: string, name: string, bytes: Uint8Array) {
  const actor = { id: admin.id, email: admin.email, ip: '127.0.0.1' };
  async function* once() {
    yield bytes;
  }
  const staged = await stageImport(
    database.db,
    actor,
    { versionId: draftId, fileName: name, maxBytes: 5_000_000 },
    once(),
  );
  const issues = await database.db.importIssue.findMany({
    where: { batchId: staged.batchId },
    orderBy: { seq: 'asc' },
  });
  const report = await callerFor(database, admin).imports.report({ batchId: staged.batchId, pageSize: 100 });
  return { ...staged, issues, report };
}

describe('a UN Comtrade export', () => {
  it("maps Comtrade's partners and reads the export's date from its file name", () => {
    expect(partnerCode('0', 'W00', 'World')).toBe('WLD');
    expect(partnerCode('156', 'CHN', 'China')).toBe('CHN');
    expect(partnerCode('490', 'S19', 'Other Asia, nes')).toBe('TWN');
    expect(partnerCode('899', '_X', 'Areas, nes')).toBe('ROW');
    expect(partnerCode('999', 'ATL', 'Atlantis')).toBeNull();
    expect(exportDateOf('TradeData_12_1_2026_10_30_45.csv')).toBe('2026-12-01');
    expect(exportDateOf('comtrade.csv')).toBeNull();
  });

  it('imports annual imports by partner with the export as source, and reports what it skipped', async () => {
    const caller = callerFor(database, admin);
    const draft = await caller.datasets.createDraft({ label: `Comtrade ${Date.now()}`, from: 'current' });
    const { batchId, issues, report } = await importInto(
      draft.id,
      NAME,
      new Uint8Array(await readFile(FIXTURE)),
    );
    expect(report.batch.fileErrors).toBe(0);
    // 2846: World, China, Viet Nam, France, Estonia, areas nes (Taiwan is read, then rejected); 2805.30: World,
    // China; 8505.11: China; the source.
    expect(report.batch.accepted).toBe(10);
    const messages = issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^read as a UN Comtrade export of 2026-12-01 \(source un-comtrade-2026-12-01\): 10 trade\.csv, 1 sources\.csv; quantities are net weight/,
        ),
        'other commodities, skipped: 2825 ×1',
        'flows other than imports (M), skipped: X ×1',
        expect.stringMatching(/also skipped: .*breakdowns of a total ×1.*hs:284690.*×1.*no net weight ×1/),
        expect.stringContaining('unknown partner "Atlantis" (ATL)'),
        // Taiwan is a Comtrade partner the dataset has no country row for: named, not guessed.
        expect.stringContaining('country "TWN" is unknown to this dataset'),
      ]),
    );
    await applyImport(database.db, { id: admin.id, email: admin.email, ip: '127.0.0.1' }, batchId);

    const rows = await datasetRows(database.db, { id: draft.id, label: draft.label, published: false });
    expect(rows.sources.find((s) => s.id === 'un-comtrade-2026-12-01')).toMatchObject({
      publisher: 'United Nations Statistics Division',
      series: 'un-comtrade',
      publishedOn: '2026-12-01',
    });
    const imported = rows.trade.filter((t) => t.sourceId === 'un-comtrade-2026-12-01');
    const compounds = imported.filter((t) => t.stage === 'separation' && t.material === 'REE');
    expect(compounds.find((t) => t.exporter === 'CHN')).toMatchObject({
      importer: 'JPN',
      year: 2024,
      quantity: 3000,
      unit: 't',
      basis: 'gross',
      valueUsd: 45_000_000,
      status: 'verified',
    });
    expect(compounds.find((t) => t.exporter === 'EST')?.status).toBe('estimated');
    // The World row is the total: China 60 %; whatever is not itemised by country (Taiwan rejected, areas nes, the
    // partners the export leaves out) stays unallocated, never a supplier.
    const mix = mixFromRows(compounds.map((t) => ({ ...t, country: t.exporter })));
    if (!('shares' in mix)) throw new Error(mix.reason);
    expect(mix.shares.CHN).toBeCloseTo(0.6, 12);
    expect(mix.unallocated).toBeCloseTo((5000 - 3000 - 600 - 400 - 200) / 5000, 12);
    expect(Object.keys(mix.shares)).not.toContain('ROW');
    expect(imported.find((t) => t.stage === 'magnet')).toMatchObject({ exporter: 'CHN', quantity: 9000 });
  });

  it("refuses a file whose name does not tell the export's date", async () => {
    const caller = callerFor(database, admin);
    const draft = await caller.datasets.createDraft({
      label: `Comtrade nameless ${Date.now()}`,
      from: 'current',
    });
    const { report, issues } = await importInto(
      draft.id,
      'comtrade.csv',
      new Uint8Array(await readFile(FIXTURE)),
    );
    expect(report.batch.fileErrors).toBe(1);
    expect(issues[0]?.message).toMatch(/cannot tell the export's date from the file name "comtrade.csv"/);
  });
});
