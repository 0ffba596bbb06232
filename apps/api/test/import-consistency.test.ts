// Issue 12, imports that stay true to the draft: a batch cannot be applied while it is still being staged
// (finding 13); a batch validated against a draft that changed since (another import, an edit) is refused, and
// two applies at once give one success and one conflict (finding 12); a long report comes in pages with complete
// counts per kind (finding 7). Runs on PGlite and PostgreSQL; on PostgreSQL the parallel applies really overlap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { type StageInput, stageImport } from '../src/imports/stage-import.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { openAdminDraft } from './import-support.ts';
import { callerFor, outcomeOf } from './support.ts';

let database: Database;
let admin: SessionUser;
let draftId: string;

beforeAll(async () => {
  ({ database, admin, draftId } = await openAdminDraft('Consistency'));
});
afterAll(async () => {
  await database?.close();
});

const actor = () => ({ id: admin.id, email: admin.email, ip: '127.0.0.1' });
const bytes = (text: string) => new TextEncoder().encode(text);

async function* whole(text: string): AsyncGenerator<Uint8Array> {
  yield bytes(text);
}

function stage(name: string, source: AsyncIterable<Uint8Array>, options: Partial<StageInput> = {}) {
  return stageImport(
    database.db,
    actor(),
    { versionId: draftId, fileName: name, entity: 'production', maxBytes: 10_000_000, ...options },
    source,
  );
}

const HEADER = 'country,stage,material,year,quantity,unit,basis,projection,source_id,status';
const row = (year: number, quantity: string) =>
  `AUS,mining,REE,${year},${quantity},t,REO,false,usgs-mcs-2025,verified`;

/** The draft's AUS mining quantity of `year`, or undefined. */
async function quantityOf(year: number) {
  const found = await database.db.productionRecord.findFirst({
    where: { versionId: draftId, country: 'AUS', stage: 'mining', material: 'REE', year, unit: 't' },
  });
  return found?.quantity;
}

describe('a batch is appliable only once its validation has finished (finding 13)', () => {
  it('while an upload is still being read the batch is "staging" and apply/discard are conflicts', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let paused = () => {};
    const midway = new Promise<void>((resolve) => {
      paused = resolve;
    });
    async function* slowUpload(): AsyncGenerator<Uint8Array> {
      yield bytes(`${HEADER}\n${row(2002, '5')}\n`);
      paused();
      await gate;
      yield bytes(`${row(2003, '6')}\n`);
    }
    const caller = callerFor(database, admin);
    const name = `slow-${Date.now()}.csv`;
    const staging = stage(name, slowUpload());
    await midway;

    const listed = (await caller.imports.list({ versionId: draftId })).items.find((b) => b.fileName === name);
    if (!listed) throw new Error('the batch being staged is not listed');
    expect(listed.status).toBe('staging');
    await expect(caller.imports.applyRows({ batchId: listed.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/still being validated/),
    });
    expect(await outcomeOf(caller.imports.discard({ batchId: listed.id }))).toBe('CONFLICT');

    release();
    const staged = await staging;
    expect(staged.batchId).toBe(listed.id);
    const report = await caller.imports.report({ batchId: staged.batchId });
    expect(report.batch).toMatchObject({ status: 'validated', accepted: 2 });
    expect(await quantityOf(2002)).toBeUndefined();
    await caller.imports.applyRows({ batchId: staged.batchId });
    expect(await quantityOf(2002)).toBe(5);
    expect(await quantityOf(2003)).toBe(6);
  });
});

describe('an apply refuses a batch validated against an older draft (finding 12)', () => {
  it('the second of two imports validated together is a conflict; uploaded again it is validated anew', async () => {
    const caller = callerFor(database, admin);
    const first = await stage('first.csv', whole(`${HEADER}\n${row(2006, '1')}\n`));
    const secondFile = `${HEADER}\n${row(2006, '2')}\n`;
    const second = await stage('second.csv', whole(secondFile));
    // Neither replaces a draft row when validated.
    expect((await caller.imports.report({ batchId: second.batchId })).issues).toEqual([]);

    await caller.imports.applyRows({ batchId: first.batchId });
    const stale = (await caller.imports.list({ versionId: draftId })).items.find(
      (b) => b.id === second.batchId,
    );
    expect(stale).toMatchObject({ status: 'validated', stale: true });
    await expect(caller.imports.applyRows({ batchId: second.batchId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'The draft changed after this file was validated (another import or an edit was applied). Validate it again.',
    });
    expect(await quantityOf(2006)).toBe(1);

    // The same file again is not answered with the stale batch: it is checked against the draft as it is now.
    const again = await stage('second.csv', whole(secondFile));
    expect(again).toMatchObject({ duplicate: false });
    expect(again.batchId).not.toBe(second.batchId);
    const report = await caller.imports.report({ batchId: again.batchId });
    expect(report.batch.stale).toBe(false);
    expect(report.issues.map((i) => i.message)).toEqual([
      '1 row(s) have the key of a row already in the draft: applying replaces those rows',
    ]);
    await caller.imports.applyRows({ batchId: again.batchId });
    expect(await quantityOf(2006)).toBe(2);
  });

  it('an edit or a deletion of a draft row makes a validated import stale too', async () => {
    const caller = callerFor(database, admin);
    const pending = await stage('pending.csv', whole(`${HEADER}\n${row(2007, '3')}\n`));
    const page = await caller.datasets.records({ versionId: draftId, entity: 'countries', search: 'AUS' });
    const aus = page.items.find((i) => i.key.iso3 === 'AUS');
    if (!aus) throw new Error('AUS not in the draft');
    await caller.datasets.updateRecord({
      versionId: draftId,
      entity: 'countries',
      key: aus.key,
      rowVersion: aus.rowVersion,
      values: { ...aus.values, name: 'Australia (edited)' } as never,
    });
    expect(await outcomeOf(caller.imports.applyRows({ batchId: pending.batchId }))).toBe('CONFLICT');

    const next = await stage('pending-2.csv', whole(`${HEADER}\n${row(2008, '3')}\n`));
    const applied = await stage('to-delete.csv', whole(`${HEADER}\n${row(2009, '4')}\n`));
    await caller.imports.applyRows({ batchId: applied.batchId });
    expect(await outcomeOf(caller.imports.applyRows({ batchId: next.batchId }))).toBe('CONFLICT');
    const fresh = await stage('pending-3.csv', whole(`${HEADER}\n${row(2010, '3')}\n`));
    const records = await caller.datasets.records({
      versionId: draftId,
      entity: 'production',
      search: 'AUS',
    });
    const r2009 = records.items.find((i) => i.key.year === 2009 && i.key.country === 'AUS');
    if (!r2009) throw new Error('2009 row not applied');
    await caller.datasets.deleteRecord({
      versionId: draftId,
      entity: 'production',
      key: r2009.key,
      rowVersion: r2009.rowVersion,
    });
    expect(await outcomeOf(caller.imports.applyRows({ batchId: fresh.batchId }))).toBe('CONFLICT');
    expect(await quantityOf(2007)).toBeUndefined();
    expect(await quantityOf(2010)).toBeUndefined();
  });

  it('two imports applied at once: one succeeds, the other is a conflict', async () => {
    const caller = callerFor(database, admin);
    const a = await stage('a.csv', whole(`${HEADER}\n${row(2011, '10')}\n`));
    const b = await stage('b.csv', whole(`${HEADER}\n${row(2011, '20')}\n`));
    const outcomes = await Promise.all([
      outcomeOf(caller.imports.applyRows({ batchId: a.batchId })),
      outcomeOf(caller.imports.applyRows({ batchId: b.batchId })),
    ]);
    expect([...outcomes].sort()).toEqual(['CONFLICT', 'OK']);
    expect(await quantityOf(2011)).toBe(outcomes[0] === 'OK' ? 10 : 20);
  });
});

describe('a long report comes in pages, with complete counts per kind (finding 7)', () => {
  const badRows = (n: number) =>
    Array.from({ length: n }, (_, i) => row(1950 + (i % 100), `x${i}`)).join('\n');

  it('pages of at most 100, the kind filter pages too, and the counts are the same on every page', async () => {
    const caller = callerFor(database, admin);
    const csv = `${HEADER},colour\n${badRows(250)
      .split('\n')
      .map((l) => `${l},red`)
      .join('\n')}\n`;
    const { batchId } = await stage('bad.csv', whole(csv));
    const counts = { error: 250, warning: 1 };
    const first = await caller.imports.report({ batchId, pageSize: 100 });
    expect(first.issues).toHaveLength(100);
    expect(first.counts).toEqual(counts);
    expect(first.listed).toEqual(counts);
    expect(first.pageInfo.total).toBe(251);
    const errors3 = await caller.imports.report({ batchId, pageSize: 100, page: 3, severity: 'error' });
    expect(errors3.issues).toHaveLength(50);
    expect(errors3.issues.every((i) => i.severity === 'error')).toBe(true);
    expect(errors3.pageInfo.total).toBe(250);
    expect(errors3.counts).toEqual(counts);
    const warnings = await caller.imports.report({ batchId, severity: 'warning' });
    expect(warnings.issues.map((i) => i.message)).toEqual([
      'ignored column(s) that production.csv does not have: colour',
    ]);
    expect(warnings.counts).toEqual(counts);
    expect(await outcomeOf(caller.imports.report({ batchId, pageSize: 101 }))).toBe('BAD_REQUEST');
  });

  it('past the stored cap the counts stay complete and say how many were listed', async () => {
    const caller = callerFor(database, admin);
    const { batchId } = await stage('many.csv', whole(`${HEADER}\n${badRows(5100)}\n`));
    const report = await caller.imports.report({ batchId, pageSize: 100, page: 50 });
    expect(report.counts).toEqual({ error: 5100, warning: 0 });
    expect(report.listed).toEqual({ error: 5000, warning: 0 });
    expect(report.pageInfo.total).toBe(5000);
    expect(report.issues).toHaveLength(100);
    expect(report.batch.rejected).toBe(5100);
  });
});
