// A company's own import mix: uploads are stored whole or not at all, with each problem's line and column; only
// the owner reads, scores or deletes a mix (anyone else, an admin too, gets NOT_FOUND); the score is the
// domain's on the same rows.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCompanySuppliers, scoreCompanyMix } from '@ree/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReferenceDataset } from '../src/data/reference-dataset.ts';
import type { Database } from '../src/db/client.ts';
import { seedReferenceDataset } from '../src/db/seed.ts';
import { today } from '../src/queries/sources.ts';
import { callerFor, createTestUser, openTestDatabase, outcomeOf } from './support.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../data/examples/company-suppliers.csv');
const HEADER = 'country,material,stage,year,quantity,unit';

let database: Database;
let alice: ReturnType<typeof callerFor>;
let bob: ReturnType<typeof callerFor>;
let admin: ReturnType<typeof callerFor>;
let sample: string;
beforeAll(async () => {
  database = await openTestDatabase();
  alice = callerFor(database, await createTestUser(database, 'user'));
  bob = callerFor(database, await createTestUser(database, 'user'));
  admin = callerFor(database, await createTestUser(database, 'admin'));
  sample = await readFile(SAMPLE, 'utf8');
});
afterAll(() => database?.close());

const rowsStored = () => database.db.companySupplier.count();
const mixesStored = () => database.db.companyMix.count();

async function upload(csv: string, name = 'Magnet maker') {
  const result = await alice.companies.create({ name, csv });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.id;
}

describe('uploading a company mix', () => {
  it('stores the sample file, tolerating a BOM and CRLF, and lists it for its owner only', async () => {
    const before = await mixesStored();
    const id = await upload(`\uFEFF${sample.replace(/\n/g, '\r\n')}`);
    const detail = await alice.companies.get({ id });
    expect(detail.suppliers).toBe(10);
    expect(detail.materials).toEqual(['Dy', 'NdPr', 'Tb']);
    expect(detail.rows[0]).toEqual({
      country: 'CHN',
      material: 'NdPr',
      stage: 'separation',
      year: 2024,
      quantity: 420,
      unit: 't',
      line: 2,
    });
    expect((await alice.companies.list()).map((m) => m.id)).toContain(id);
    expect((await bob.companies.list()).map((m) => m.id)).not.toContain(id);
    expect(await mixesStored()).toBe(before + 1);
  });

  it.each([
    ['an unknown country', 'XKX,Dy,separation,2025,1,t', 'country', /XKX is not a country in the dataset/],
    ['an aggregate as country', 'EUU,Dy,separation,2025,1,t', 'country', /EU-27 as a whole/],
    ['an unknown material', 'CHN,Dysprosium,separation,2025,1,t', 'material', /Dysprosium/],
    ['an unknown stage', 'CHN,Dy,smelting,2025,1,t', 'stage', /smelting/],
    ['a negative quantity', 'CHN,Dy,separation,2025,-4,t', 'quantity', /-4/],
    ['a non-numeric quantity', 'CHN,Dy,separation,2025,ten,t', 'quantity', /"ten" is not a number/],
    ['a duplicate row', 'MYS,Dy,separation,2025,2,t', 'country', /repeats line 2/],
    ['a formula', 'CHN,=SUM(A1),separation,2025,1,t', 'material', /formula/],
  ])('%s: the error names line 3 and its column, and nothing is stored', async (_, line, column, message) => {
    const [mixes, rows] = [await mixesStored(), await rowsStored()];
    const result = await alice.companies.create({
      name: 'Bad',
      fileName: 'bad.csv',
      csv: [HEADER, 'MYS,Dy,separation,2025,1,t', line].join('\n'),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { severity: 'error', file: 'bad.csv', line: 3, column, message: expect.stringMatching(message) },
    ]);
    expect([await mixesStored(), await rowsStored()]).toEqual([mixes, rows]);
  });

  it('a good file with one bad line stores none of its good lines', async () => {
    const rows = await rowsStored();
    const result = await alice.companies.create({
      name: 'Half',
      csv: `${sample}CHN,Dy,separation,2025,x,t\n`,
    });
    expect(result).toMatchObject({ ok: false, issues: [{ line: 12, column: 'quantity' }] });
    expect(await rowsStored()).toBe(rows);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const huge = `${HEADER}\n${'CHN,Dy,separation,2025,1,t\n'.repeat(20_000)}`;
    expect(await outcomeOf(alice.companies.create({ name: 'Huge', csv: huge }))).toBe('BAD_REQUEST');
  });
});

describe("a company mix is its owner's alone", () => {
  it('another analyst and an admin get NOT_FOUND on get, score and delete, and the mix stays', async () => {
    const id = await upload(sample);
    for (const other of [bob, admin]) {
      expect(await outcomeOf(other.companies.get({ id }))).toBe('NOT_FOUND');
      expect(await outcomeOf(other.companies.score({ id }))).toBe('NOT_FOUND');
      expect(await outcomeOf(other.companies.delete({ id }))).toBe('NOT_FOUND');
      expect(
        await outcomeOf(other.scenarios.baseline({ company: id, material: 'Dy', stage: 'separation' })),
      ).toBe('NOT_FOUND');
    }
    expect((await alice.companies.get({ id })).suppliers).toBe(10);
  });

  it('delete removes the mix and its rows, and audits the create and the delete', async () => {
    const id = await upload(sample, 'To delete');
    const rows = await rowsStored();
    await alice.companies.delete({ id });
    expect(await database.db.companySupplier.count({ where: { mixId: id } })).toBe(0);
    expect(await rowsStored()).toBe(rows - 10);
    expect(await outcomeOf(alice.companies.get({ id }))).toBe('NOT_FOUND');
    const events = await database.db.auditEvent.findMany({ where: { target: id }, orderBy: { at: 'asc' } });
    expect(events.map((e) => [e.action, e.after ?? e.before])).toEqual([
      ['company.create', { name: 'To delete', rows: 10 }],
      ['company.delete', { name: 'To delete', rows: 10 }],
    ]);
  });

  it("deleting the owner's account deletes the mixes and rows with it", async () => {
    const carol = await createTestUser(database, 'user');
    const result = await callerFor(database, carol).companies.create({ name: 'Carol', csv: sample });
    if (!result.ok) throw new Error('upload failed');
    await database.db.user.delete({ where: { id: carol.id } });
    expect(await database.db.companySupplier.count({ where: { mixId: result.id } })).toBe(0);
  });
});

describe("a company mix's score", () => {
  it("equals the domain's on the same rows, per material, citing the upload and the dataset's sources", async () => {
    const id = await upload(sample);
    const score = await alice.companies.score({ id });
    const data = (await readReferenceDataset()).rows;
    const { rows } = readCompanySuppliers(sample, new Set(data.countries.map((c) => c.iso3)));
    expect(score.materials.map((m) => [m.material, m.stage, m.year])).toEqual([
      ['Dy', 'separation', 2025],
      ['NdPr', 'separation', 2025],
      ['Tb', 'separation', 2025],
    ]);
    for (const m of score.materials) {
      const domain = scoreCompanyMix(data, rows, {
        companyId: id,
        material: m.material,
        stage: m.stage,
        today: today(),
      });
      expect(m.result).toEqual(domain.result);
      // The same notes and sources; the order of notes follows the order rows are read in.
      for (const [component, p] of Object.entries(domain.provenance)) {
        const api = m.provenance[component as keyof typeof m.provenance];
        expect(api?.sourceIds).toEqual(p.sourceIds);
        expect([...(api?.notes ?? [])].sort()).toEqual([...p.notes].sort());
      }
    }
    const dy = score.materials.find((m) => m.material === 'Dy');
    expect(dy?.result.score).not.toBeNull();
    expect(dy?.imports?.sourceIds).toEqual(['your-upload']);
    expect(dy?.provenance.supplierConcentration.notes[0]).toMatch(/your upload/);
    expect(score.sources.map((s) => s.id)).not.toContain('your-upload');
    expect(score.sources.length).toBeGreaterThan(0);
  });

  it('a scenario baseline starts from the mix: its suppliers in tonnes and its score input', async () => {
    const id = await upload(sample);
    const b = await alice.scenarios.baseline({ company: id, material: 'Dy', stage: 'separation' });
    expect(b.unit).toBe('t');
    expect(b.input.consumer).toBe(id);
    expect(b.input.baseline.suppliers.map((s) => [s.id, s.supplyPerYear])).toEqual([
      ['CHN', 11.5],
      ['MYS', 1.5],
    ]);
    expect(b.input.scoreInput?.imports).toEqual({ CHN: 11.5 / 13, MYS: 1.5 / 13 });
    // It cites the dataset's sources behind the score, never the user's own upload.
    expect(b.sources.length).toBeGreaterThan(0);
    expect(b.sources.map((s) => s.id)).not.toContain('your-upload');
  });

  it('a company baseline "as of" an older version reads that version, and a scenario saved from it keeps it', async () => {
    const id = await upload(sample);
    const older = (await alice.scenarios.baseline({ company: id })).datasetVersion;
    const dataset = await readReferenceDataset();
    const label = `Reference 2097.${Date.now() % 100_000}`;
    await seedReferenceDataset(database.db, {
      ...dataset,
      label,
      contentHash: `${dataset.contentHash}-${label}`,
    });
    expect((await alice.scenarios.baseline({ company: id })).datasetVersion.label).toBe(label);

    const b = await alice.scenarios.baseline({ company: id, asOf: older.id });
    expect(b.datasetVersion.id).toBe(older.id);
    const input = { ...b.input, monteCarlo: { samples: 100, seed: 1 } };
    const saved = await alice.scenarios.create({ name: 'mix as of', input, asOf: older.id });
    const read = await alice.scenarios.get({ id: saved.id });
    expect(read.datasetVersion.id).toBe(older.id);
    expect(read.sources.map((s) => s.id)).toEqual(b.sources.map((s) => s.id));
  });
});
