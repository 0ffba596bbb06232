// Issue 7, imports: real-world files read in small chunks (as a stream delivers them), a corpus of bad files
// that each give the right report and leave the draft untouched, re-import by content hash, all-or-nothing apply,
// and export → import round trip.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ENTITY_FILES, ENTITY_NAMES, parseEntityCsv } from '@ree/domain';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../src/data/reference-dataset.ts';
import type { Database } from '../src/db/client.ts';
import { applyImport } from '../src/imports/apply-import.ts';
import { exportVersionZip } from '../src/imports/export-version.ts';
import { type StageInput, stageImport } from '../src/imports/stage-import.ts';
import { UploadTooLargeError } from '../src/imports/upload-sink.ts';
import { rowCounts } from '../src/queries/dataset-versions.ts';
import { resolveVersion } from '../src/queries/versions.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { chunks, openAdminDraft } from './import-support.ts';
import { callerFor, outcomeOf } from './support.ts';

let database: Database;
let admin: SessionUser;
let draftId: string;

beforeAll(async () => {
  ({ database, admin, draftId } = await openAdminDraft('Imports'));
});
afterAll(async () => {
  await database?.close();
});

const actor = () => ({ id: admin.id, email: admin.email, ip: '127.0.0.1' });

async function importFile(name: string, data: string | Uint8Array, options: Partial<StageInput> = {}) {
  const staged = await stageImport(
    database.db,
    actor(),
    { versionId: draftId, fileName: name, maxBytes: 1_000_000, ...options },
    chunks(data),
  );
  const report = await callerFor(database, admin).imports.report({ batchId: staged.batchId, pageSize: 100 });
  return { ...staged, ...report };
}

const HEADER = 'country,stage,material,year,quantity,unit,basis,projection,source_id,status';
const row = (over: Partial<Record<string, string>> = {}) => {
  const base = {
    country: 'AUS',
    stage: 'mining',
    material: 'REE',
    year: '2019',
    quantity: '21000',
    unit: 't',
    basis: 'REO',
    projection: 'false',
    source_id: 'usgs-mcs-2025',
    status: 'verified',
    ...over,
  };
  return Object.values(base).join(',');
};

describe('reading real-world files', () => {
  it('accepts BOM, semicolons, quoted newlines, thousands separators, any-case headers and trailing blank lines', async () => {
    const csv =
      '\ufeffCountry;STAGE;Material;Year;Quantity;Unit;Basis;Projection;Source_ID;Status\r\n' +
      'AUS;mining;REE;2017;19,000;t;REO;false;usgs-mcs-2025;verified\r\n' +
      '"AUS";"mining";"REE";2018;"20,000";t;REO;false;usgs-mcs-2025;verified\r\n\r\n\r\n';
    const { batch, issues } = await importFile('production.csv', csv);
    expect(issues).toEqual([]);
    expect(batch).toMatchObject({
      accepted: 2,
      rejected: 0,
      warnings: 0,
      status: 'validated',
      format: 'csv',
    });

    const facilities =
      `${ENTITY_FILES.facilities.columns.map((c) => c.header).join(',')}\n` +
      'test-plant,Test Plant,Operator Ltd,AUS,-31.5,115.9,separation,NdPr; Dy,"1,500",t,REO,design,NdPr oxide,planned,2027,,"Line one,\nline two ""quoted""",lynas-reports,estimated\n';
    const f = await importFile('Facilities.CSV', facilities);
    expect(f.issues).toEqual([]);
    expect(f.batch.accepted).toBe(1);
  });

  it('reads a JSON array whose keys are field names or headers', async () => {
    const json = JSON.stringify(
      [
        {
          country: 'AUS',
          stage: 'mining',
          material: 'REE',
          year: 2016,
          quantity: 14000,
          unit: 't',
          basis: 'REO',
          projection: false,
          sourceId: 'usgs-mcs-2025',
          status: 'verified',
        },
        {
          country: 'AUS',
          stage: 'mining',
          material: 'REE',
          year: 2015,
          quantity: '12,000',
          unit: 't',
          basis: 'REO',
          source_id: 'usgs-mcs-2025',
          status: 'verified',
          colour: 'red',
        },
      ],
      null,
      2,
    );
    const { batch, issues } = await importFile('production.json', json);
    expect(batch).toMatchObject({ accepted: 2, rejected: 0, format: 'json' });
    expect(issues.map((i) => i.message)).toEqual(['ignored field(s) this table does not have: colour']);
  });
});

describe('the bad-file corpus: each gives the right report and leaves the draft as it was', () => {
  let before: Record<string, number>;
  beforeAll(async () => {
    before = await rowCounts(database.db, draftId);
  });
  afterAll(async () => {
    expect(await rowCounts(database.db, draftId)).toEqual(before);
  });

  const corpus: {
    name: string;
    file: string;
    data: () => string | Uint8Array;
    accepted: number;
    rejected: number;
    expect: { severity: 'error' | 'warning'; line: number | null; column: string | null; message: RegExp }[];
  }[] = [
    {
      name: 'wrong types',
      file: 'production.csv',
      data: () => `${HEADER}\n${row({ year: 'twenty' })}\n${row({ projection: 'maybe' })}\n${row()}\n`,
      accepted: 1,
      rejected: 2,
      expect: [
        { severity: 'error', line: 2, column: 'year', message: /"twenty" is not a number/ },
        { severity: 'error', line: 3, column: 'projection', message: /"maybe" is not true or false/ },
      ],
    },
    {
      name: 'missing columns',
      file: 'production.csv',
      data: () => 'country,stage,material,year,quantity,unit\nAUS,mining,REE,2019,1,t\n',
      accepted: 0,
      rejected: 0,
      expect: [
        {
          severity: 'error',
          line: 1,
          column: null,
          message: /missing column\(s\) basis, projection, source_id, status/,
        },
      ],
    },
    {
      name: 'unknown codes',
      file: 'production.csv',
      data: () =>
        `${HEADER}\n${row({ material: 'Xx' })}\n${row({ country: 'XKX' })}\n${row({ source_id: 'no-such-source' })}\n`,
      accepted: 0,
      rejected: 3,
      expect: [
        { severity: 'error', line: 2, column: 'material', message: /must be one of .*"NdPr".*\(got "Xx"\)/ },
        {
          severity: 'error',
          line: 3,
          column: 'country',
          message: /country "XKX" is unknown to this dataset/,
        },
        { severity: 'error', line: 4, column: 'source_id', message: /source "no-such-source" is unknown/ },
      ],
    },
    {
      name: 'duplicate keys',
      file: 'production.csv',
      data: () =>
        `${HEADER}\n${row({ year: '2012' })}\n${row({ year: '2013' })}\n${row({ year: '2012', quantity: '5' })}\n`,
      accepted: 2,
      rejected: 1,
      expect: [
        {
          severity: 'error',
          line: 4,
          column: null,
          message: /duplicate of line 2: same country, stage, material, year/,
        },
      ],
    },
    {
      name: 'a share of 1.7',
      file: 'production.csv',
      data: () => `${HEADER}\n${row({ quantity: '1.7', unit: 'share' })}\n`,
      accepted: 0,
      rejected: 1,
      expect: [
        { severity: 'error', line: 2, column: 'quantity', message: /a share is a fraction from 0 to 1/ },
      ],
    },
    {
      name: 'a negative tonnage',
      file: 'production.csv',
      data: () => `${HEADER}\n${row({ quantity: '-5' })}\n`,
      accepted: 0,
      rejected: 1,
      expect: [
        { severity: 'error', line: 2, column: 'quantity', message: /must be at least 0 \(got "-5"\)/ },
      ],
    },
    {
      name: 'a 0-byte file',
      file: 'production.csv',
      data: () => '',
      accepted: 0,
      rejected: 0,
      expect: [{ severity: 'error', line: null, column: null, message: /the file is empty \(0 bytes\)/ }],
    },
    {
      name: 'a binary file renamed .csv',
      file: 'production.csv',
      data: () =>
        Uint8Array.from([
          0x89,
          0x50,
          0x4e,
          0x47,
          0x0d,
          0x0a,
          0x1a,
          0x0a,
          0xff,
          0xfe,
          0x00,
          ...randomBytes(200),
        ]),
      accepted: 0,
      rejected: 0,
      expect: [{ severity: 'error', line: null, column: null, message: /not UTF-8 text/ }],
    },
    {
      name: 'a formula in a cell',
      file: 'facilities.csv',
      data: () =>
        `${ENTITY_FILES.facilities.columns.map((c) => c.header).join(',')}\n` +
        'evil,"=HYPERLINK(""http://x.invalid"",""click"")",Op,AUS,,,mining,REE,,t,REO,,,planned,,,,lynas-reports,estimated\n',
      accepted: 0,
      rejected: 1,
      expect: [{ severity: 'error', line: 2, column: 'name', message: /looks like a spreadsheet formula/ }],
    },
    {
      name: 'a quote left open (CSV syntax)',
      file: 'production.csv',
      data: () =>
        `${HEADER}\n${row({ year: '2011' })}\n"AUS,mining,REE,2010,1,t,REO,false,usgs-mcs-2025,verified\n`,
      accepted: 0,
      rejected: 1,
      expect: [
        {
          severity: 'error',
          line: 3,
          column: null,
          message: /a quoted field is never closed; the rest of the file was not read/,
        },
      ],
    },
    {
      name: 'a JSON file that is not an array',
      file: 'production.json',
      data: () => '{"country":"AUS"}',
      accepted: 0,
      rejected: 0,
      expect: [{ severity: 'error', line: 1, column: null, message: /must be an array of objects/ }],
    },
    {
      name: 'a file for no known table',
      file: 'costs.csv',
      data: () => 'a,b\n1,2\n',
      accepted: 0,
      rejected: 0,
      expect: [
        {
          severity: 'error',
          line: null,
          column: null,
          message: /cannot tell which table "costs.csv" is for/,
        },
      ],
    },
  ];

  for (const c of corpus) {
    it(c.name, async () => {
      const { batch, issues, duplicate } = await importFile(c.file, c.data());
      expect(duplicate).toBe(false);
      expect(
        issues.map(({ severity, line, column, message }) => ({ severity, line, column, message })),
      ).toEqual(c.expect.map((e) => ({ ...e, message: expect.stringMatching(e.message) })));
      expect({ accepted: batch.accepted, rejected: batch.rejected }).toEqual({
        accepted: c.accepted,
        rejected: c.rejected,
      });
    });
  }

  it('a file over the size limit is refused before anything is staged', async () => {
    const batchesBefore = await database.db.importBatch.count();
    const big = `${HEADER}\n${Array.from({ length: 2000 }, (_, i) => row({ year: String(1960 + (i % 60)) })).join('\n')}`;
    await expect(importFile('production.csv', big, { maxBytes: 10_000 })).rejects.toBeInstanceOf(
      UploadTooLargeError,
    );
    expect(await database.db.importBatch.count()).toBe(batchesBefore);
  });

  it('a ZIP that unpacks past the limit is refused too', async () => {
    const bomb = zipSync({ 'production.csv': strToU8(`${HEADER}\n${' '.repeat(200_000)}`) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(10_000);
    await expect(importFile('bomb.zip', bomb, { maxBytes: 50_000 })).rejects.toBeInstanceOf(
      UploadTooLargeError,
    );
  });
});

describe('prototype pollution (ASVS 15.3.6)', () => {
  it('a __proto__ or constructor column, or a JSON "__proto__" key, is ignored and reaches no prototype', async () => {
    const csv = `${HEADER},__proto__,constructor\n${row({ year: '1995' })},"{""polluted"":1}",x\n`;
    const fromCsv = await importFile('production.csv', csv);
    expect(fromCsv.batch.accepted).toBe(1);
    expect(fromCsv.issues.map((i) => i.message)).toEqual([
      'ignored column(s) that production.csv does not have: __proto__, constructor',
    ]);
    const json = `[{"__proto__": {"polluted": true}, "country": "AUS", "stage": "mining", "material": "REE", "year": 1994, "quantity": 1, "unit": "t", "basis": "REO", "source_id": "usgs-mcs-2025", "status": "verified"}]`;
    const fromJson = await importFile('production.json', json);
    expect(fromJson.batch.accepted).toBe(1);
    expect(fromJson.issues.map((i) => i.message)).toEqual([
      'ignored field(s) this table does not have: __proto__',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('warnings, re-import and apply', () => {
  it('warns when a year’s shares would exceed 100 %, and when rows replace draft rows', async () => {
    // The draft has CHN mining 2023 at 0.62 (share); 0.5 for AUS makes 112 %.
    const csv =
      `${HEADER}\n${row({ year: '2023', quantity: '0.5', unit: 'share', source_id: 'iea-gcmo-2024' })}\n` +
      `${row({ country: 'CHN', year: '2024', quantity: '270000', source_id: 'usgs-mcs-2025' })}\n`;
    const { issues } = await importFile('production.csv', csv);
    expect(issues.map((i) => i.message)).toEqual([
      'REE mining shares in 2023 would add up to 112.0 %, more than 100 %',
      '1 row(s) have the key of a row already in the draft: applying replaces those rows',
    ]);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('recognises the same file by its content and changes nothing', async () => {
    const csv = `${HEADER}\n${row({ year: '2005', quantity: '1' })}\n`;
    const first = await importFile('production.csv', csv);
    const batches = await database.db.importBatch.count({ where: { versionId: draftId } });
    const second = await importFile('renamed.csv', csv, { entity: 'production' });
    expect(second).toMatchObject({ duplicate: true, batchId: first.batchId });
    expect(await database.db.importBatch.count({ where: { versionId: draftId } })).toBe(batches);
  });

  it('applies all the accepted rows of a ZIP in one go, then the same file again is a no-op', async () => {
    const zip = zipSync({
      'data/production.csv': strToU8(
        `${HEADER}\n${row({ country: 'XNA', year: '2024', quantity: '100' })}\n${row({ year: '1999', quantity: 'x' })}\n`,
      ),
      'countries.csv': strToU8('iso3,name,region\nXNA,Newland,Asia\n'),
      'README.txt': strToU8('not data'),
    });
    const caller = callerFor(database, admin);
    const before = await rowCounts(database.db, draftId);
    const staged = await importFile('update.zip', zip);
    expect(staged.batch).toMatchObject({ accepted: 2, rejected: 1, format: 'zip' });
    expect(staged.issues.map((i) => i.message)).toEqual([
      '"x" is not a number',
      expect.stringMatching(/^ignored README.txt: not a table's file/),
    ]);
    const applied = await caller.imports.applyRows({ batchId: staged.batchId });
    expect(applied.rows).toEqual({ countries: 1, production: 1 });
    const after = await rowCounts(database.db, draftId);
    expect(after.country).toBe((before.country ?? 0) + 1);
    expect(after.production_record).toBe((before.production_record ?? 0) + 1);
    expect(await outcomeOf(caller.imports.applyRows({ batchId: staged.batchId }))).toBe('CONFLICT');
    const again = await importFile('update.zip', zip);
    expect(again).toMatchObject({ duplicate: true, batchId: staged.batchId });
    expect(await rowCounts(database.db, draftId)).toEqual(after);
    const audit = await caller.audit.list({ action: 'dataset.import-apply' });
    expect(audit.items[0]).toMatchObject({ actorEmail: admin.email, target: draftId });
  });

  it('an apply the database refuses changes nothing (all or nothing)', async () => {
    const staged = await importFile('production.csv', `${HEADER}\n${row({ year: '2001', quantity: '7' })}\n`);
    // Make one staged row impossible to store after validation: the database's check rejects year 1900.
    await database.db.$executeRawUnsafe(
      `UPDATE "import_row" SET "data" = jsonb_set("data", '{year}', '1900') WHERE "batchId" = $1`,
      staged.batchId,
    );
    const countries = await importFile('countries.csv', 'iso3,name,region\nXNB,Otherland,Asia\n');
    const before = await rowCounts(database.db, draftId);
    const caller = callerFor(database, admin);
    await expect(caller.imports.applyRows({ batchId: staged.batchId })).rejects.toThrow(
      /nothing changed: .*production_year_sane/,
    );
    expect(await rowCounts(database.db, draftId)).toEqual(before);
    expect((await caller.imports.report({ batchId: staged.batchId })).batch.status).toBe('validated');
    await caller.imports.discard({ batchId: countries.batchId });
    expect((await caller.imports.report({ batchId: countries.batchId })).batch.status).toBe('discarded');
    expect(await rowCounts(database.db, draftId)).toEqual(before);
  });
});

describe('export', () => {
  it('writes the shipped files; imported into an empty draft they give an identical version', async () => {
    const current = (await resolveVersion(database.db)).id;
    const { zip } = await exportVersionZip(database.db, current);
    const files = unzipSync(zip);
    for (const entity of ENTITY_NAMES) {
      const { file } = ENTITY_FILES[entity];
      const exported = parseEntityCsv(entity, new TextDecoder().decode(files[file]));
      const shipped = parseEntityCsv(entity, await readFile(path.join(REFERENCE_DIR, file), 'utf8'));
      expect(new Set(exported.rows.map((r) => JSON.stringify(r)))).toEqual(
        new Set(shipped.rows.map((r) => JSON.stringify(r))),
      );
    }
    // Text a spreadsheet would run is neutralised with an apostrophe (and taken off again on import).
    expect(new TextDecoder().decode(files['claims.csv'])).toContain(`"'+25% Extraction Capacity (`);
    const caller = callerFor(database, admin);
    const empty = await caller.datasets.createDraft({ label: `Round trip ${Date.now()}`, from: 'empty' });
    const staged = await stageImport(
      database.db,
      actor(),
      { versionId: empty.id, fileName: 'export.zip', maxBytes: 1_000_000 },
      chunks(zip, 4096),
    );
    const report = await caller.imports.report({ batchId: staged.batchId });
    expect(report.batch.rejected).toBe(0);
    await applyImport(database.db, actor(), staged.batchId);
    const { zip: again } = await exportVersionZip(database.db, empty.id);
    const second = unzipSync(again);
    for (const entity of ENTITY_NAMES) {
      const { file } = ENTITY_FILES[entity];
      expect(new TextDecoder().decode(second[file])).toBe(new TextDecoder().decode(files[file]));
    }
  });
});
