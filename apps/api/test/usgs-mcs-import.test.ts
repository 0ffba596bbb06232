// Importing USGS's own MCS data release (Windows-1252, every chapter in one long table) into a draft: rare-earth
// rows become production, reserves, trade, indicators and prices with the edition as their source; everything else
// is counted and skipped; unknown country names are named.
import { readFile } from 'node:fs/promises';
import { productionShares } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { applyImport } from '../src/imports/apply-import.ts';
import { stageImport } from '../src/imports/stage-import.ts';
import { countryCode, parseMcsValue } from '../src/imports/usgs-mcs.ts';
import { datasetRows } from '../src/queries/dataset-rows.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

const FIXTURE = new URL('./fixtures/MCS2026_Commodities_Data.csv', import.meta.url);

let database: Database;
let admin: SessionUser;
beforeAll(async () => {
  database = await openTestDatabase();
  admin = await createTestUser(database, 'admin');
});
afterAll(() => database?.close());

async function* chunks(bytes: Uint8Array, size = 4093): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function importInto(draftId: string, name: string, bytes: Uint8Array) {
  const actor = { id: admin.id, email: admin.email, ip: '127.0.0.1' };
  const staged = await stageImport(
    database.db,
    actor,
    { versionId: draftId, fileName: name, maxBytes: 5_000_000 },
    chunks(bytes),
  );
  const report = await callerFor(database, admin).imports.report({ batchId: staged.batchId, pageSize: 100 });
  // Every problem, not only the report's first page (rows that replace the draft's are one warning each).
  const issues = await database.db.importIssue.findMany({
    where: { batchId: staged.batchId },
    orderBy: { seq: 'asc' },
  });
  return { ...staged, report, issues };
}

describe("USGS's MCS data release", () => {
  it('maps USGS country names and values with a maintained ISO list and a short alias list', () => {
    expect(countryCode('Burma')).toBe('MMR');
    expect(countryCode('Korea, Republic of')).toBe('KOR');
    expect(countryCode('Congo (Kinshasa)')).toBe('COD');
    expect(countryCode('Other countries')).toBe('ROW');
    expect(countryCode('World total')).toBe('WLD');
    expect(countryCode('Australia')).toBe('AUS');
    expect(countryCode('Atlantis')).toBeNull();
    expect(parseMcsValue('"45,500"'.replace(/"/g, ''))).toEqual({
      kind: 'number',
      value: 45_500,
      bound: false,
    });
    expect(parseMcsValue('—')).toEqual({ kind: 'number', value: 0, bound: false });
    expect(parseMcsValue('>95')).toEqual({ kind: 'number', value: 95, bound: true });
    expect(parseMcsValue('W')).toEqual({ kind: 'none', reason: 'withheld' });
    expect(parseMcsValue('NA')).toEqual({ kind: 'none', reason: 'not available' });
  });

  it('imports the rare-earth rows of the file as USGS publishes it, and reports what it skipped', async () => {
    const caller = callerFor(database, admin);
    const draft = await caller.datasets.createDraft({ label: `MCS ${Date.now()}`, from: 'current' });
    const bytes = new Uint8Array(await readFile(FIXTURE));
    expect(bytes.includes(0x97)).toBe(true); // Windows-1252 em dash, as in USGS's file
    const { batchId, report, issues } = await importInto(draft.id, 'MCS2026_Commodities_Data.csv', bytes);
    expect(report.batch.fileErrors).toBe(0);
    expect(report.batch.rejected).toBe(0);
    expect(report.batch.accepted).toBe(143); // 33 production, 11 reserves, 16 trade, 10 indicators, 73 prices
    const messages = issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'read as the USGS MCS data release, edition usgs-mcs-2026: 33 production.csv, 73 prices.csv, 10 indicators.csv, 16 trade.csv, 11 reserves.csv',
        'skipped 12 rows of 2 other commodities (ALUMINUM, COBALT)',
        expect.stringMatching(/^rare-earth statistics the dataset does not hold, skipped: .*Employment ×\d+/),
        expect.stringMatching(/^rare-earth rows without a figure, skipped: .*not available ×\d+/),
      ]),
    );
    await applyImport(database.db, { id: admin.id, email: admin.email, ip: '127.0.0.1' }, batchId);

    const rows = await datasetRows(database.db, { id: draft.id, label: draft.label, published: false });
    const cn = rows.production.find(
      (r) => r.country === 'CHN' && r.year === 2025 && r.stage === 'mining' && r.sourceId === 'usgs-mcs-2026',
    );
    expect(cn).toMatchObject({ quantity: 270_000, unit: 't', basis: 'REO', status: 'estimated' });
    expect(rows.production.some((r) => r.country === 'MMR' && r.year === 2025 && r.quantity === 22_000)).toBe(
      true,
    );
    // The shares from the imported rows: 2025 mining, China 69 %, "other countries" unallocated.
    const shares = productionShares(rows, { material: 'REE', stage: 'mining', year: 2025 });
    if ('reasons' in shares) throw new Error(shares.reasons.join('; '));
    expect(shares.rows[0]?.country).toBe('CHN');
    expect(shares.rows.map((r) => r.country)).not.toContain('ROW');
    // Heavy rare earths' import sources by element, with USGS's "Korea, Republic of".
    expect(
      rows.trade.find((t) => t.importer === 'USA' && t.material === 'Yb' && t.exporter === 'KOR')?.quantity,
    ).toBe(0.03);
    // US net import reliance, compounds and metals (">90" is a bound: estimated).
    expect(
      rows.indicators.find(
        (r) =>
          r.scope === 'USA' && r.material === 'REE' && r.indicator === 'import-reliance' && r.year === 2024,
      )?.value,
    ).toBe(0.53);
    expect(rows.prices.some((p) => p.material === 'NdPr' && p.year === 2025 && p.price === 69)).toBe(true);
  });

  it('names unknown countries, and refuses a file whose name does not tell the edition', async () => {
    const caller = callerFor(database, admin);
    const draft = await caller.datasets.createDraft({ label: `MCS bad ${Date.now()}`, from: 'current' });
    const text = new TextDecoder('windows-1252').decode(await readFile(FIXTURE));
    const withAtlantis = text.replace(',Rare Earths,Burma,Production,', ',Rare Earths,Atlantis,Production,');
    const unknown = await importInto(
      draft.id,
      'MCS2026_Commodities_Data.csv',
      new TextEncoder().encode(withAtlantis),
    );
    expect(unknown.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'error',
          column: 'Country',
          message: expect.stringContaining('unknown country name "Atlantis"'),
        }),
      ]),
    );
    const other = await caller.datasets.createDraft({ label: `MCS nameless ${Date.now()}`, from: 'current' });
    const nameless = await importInto(other.id, 'world-data.csv', new TextEncoder().encode(withAtlantis));
    expect(nameless.report.batch.fileErrors).toBe(1);
    expect(nameless.issues[0]?.message).toMatch(/cannot tell the edition from the file name/);
  });
});
