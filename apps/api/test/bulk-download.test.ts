// A published version in bulk for analysts: GET /files/published/<id>.zip — who may, what is in it, and what the
// licence rule leaves out (and says it left out).
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { ENTITY_FILES, ENTITY_NAMES, parseCsv } from '@ree/domain';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { publishedVersion, writeBulkZip } from '../src/downloads/bulk-zip.ts';
import { signUpAndIn, startTestServer, type TestServer } from './http-support.ts';
import { openTestDatabase } from './support.ts';

let database: Database;
let server: TestServer;
let currentId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startTestServer(database);
  currentId = (await database.db.datasetVersion.findFirstOrThrow({ where: { isCurrent: true } })).id;
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

const PRICE_AGENCIES = [
  'argus-europe-2025-09-25',
  'argus-gmteight-2025-05-09',
  'benchmark-2025-07',
  'fastmarkets-2024',
  'smm-2026-01',
];

interface Metadata {
  version: { id: string; label: string; publishedAt: string };
  citation: string;
  tables: Record<string, { file: string; columns: string[]; rows: number; withheldRows: number }>;
  sources: { id: string; licence: string | null; accessedOn: string | null; redistribution: string | null }[];
  withheld: { sourceId: string; citation: string; licence: string | null; reason: string; rows: number }[];
  processingNotes: string[];
}

function unpack(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const text = (name: string) => new TextDecoder().decode(files[name]);
  const metadata = JSON.parse(text('metadata.json')) as Metadata;
  return { files, text, metadata };
}

const csvRows = (text: string) => {
  const records = parseCsv(text);
  return { header: records[0]?.fields ?? [], rows: records.slice(1).map((r) => r.fields) };
};

describe('GET /files/published/<versionId>.zip', () => {
  it('gives a signed-in analyst (not an admin) the published version: every table, metadata.json and README', async () => {
    const { cookie } = await signUpAndIn(server);
    const response = await server.get(`/files/published/${currentId}.zip`, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="reference-.+\.zip"$/);
    const { files, text, metadata } = unpack(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(
      [...ENTITY_NAMES.map((e) => ENTITY_FILES[e].file), 'metadata.json', 'README.txt'].sort(),
    );
    expect(metadata.version.id).toBe(currentId);
    expect(metadata.citation).toContain(metadata.version.label);
    expect(metadata.processingNotes.length).toBeGreaterThan(0);
    expect(text('README.txt')).toContain(metadata.citation);
    // Each table parses with the shipped header, and its row count is the database's less what was withheld.
    for (const entity of ENTITY_NAMES) {
      const { file, columns } = ENTITY_FILES[entity];
      const { header, rows } = csvRows(text(file));
      expect(header).toEqual(columns.map((c) => c.header));
      expect(rows.length, file).toBe(metadata.tables[entity]?.rows);
    }
    expect(metadata.tables.production?.rows).toBe(
      await database.db.productionRecord.count({ where: { versionId: currentId } }),
    );
    const usgs = metadata.sources.find((s) => s.id === 'usgs-mcs-2026');
    expect(usgs).toMatchObject({ licence: expect.stringMatching(/Public domain/), redistribution: 'open' });
    expect(usgs?.accessedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('leaves out the rows of sources whose licence forbids redistribution, and lists them in metadata.json', async () => {
    const { cookie } = await signUpAndIn(server);
    const response = await server.get(`/files/published/${currentId}.zip`, { cookie });
    const { text, metadata } = unpack(new Uint8Array(await response.arrayBuffer()));
    const prices = csvRows(text('prices.csv'));
    const sourceColumn = prices.header.indexOf('source_id');
    const shipped = new Set(prices.rows.map((r) => r[sourceColumn]));
    for (const id of PRICE_AGENCIES) expect(shipped.has(id), id).toBe(false);
    expect(shipped.has('usgs-mcs-2026')).toBe(true);
    expect(metadata.withheld.map((w) => w.sourceId)).toEqual(PRICE_AGENCIES);
    for (const w of metadata.withheld) {
      const inDb = await database.db.pricePoint.count({
        where: { versionId: currentId, sourceId: w.sourceId },
      });
      expect(w.rows, w.sourceId).toBe(inDb);
      expect(w.licence).toMatch(/©/);
      expect(w.reason).toMatch(/does not allow redistribution/);
    }
    const withheldRows = metadata.withheld.reduce((n, w) => n + w.rows, 0);
    expect(metadata.tables.prices?.withheldRows).toBe(withheldRows);
    expect(metadata.tables.prices?.rows).toBe(
      (await database.db.pricePoint.count({ where: { versionId: currentId } })) - withheldRows,
    );
    // The withheld sources stay named in sources.csv, so their citations are not lost.
    expect(text('sources.csv')).toContain('argus-europe-2025-09-25');
    expect(text('README.txt')).toMatch(/Withheld .*argus-europe-2025-09-25/);
  });

  it('answers 404 for a draft (never downloadable here) and for an unknown id', async () => {
    const { cookie } = await signUpAndIn(server);
    const draft = await database.db.datasetVersion.create({
      data: { label: `Bulk draft ${randomUUID()}`, dataset: { connect: { slug: 'reference' } } },
    });
    const answer = await server.get(`/files/published/${draft.id}.zip`, { cookie });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ error: 'No published dataset version with this id.' });
    expect((await server.get(`/files/published/${randomUUID()}.zip`, { cookie })).status).toBe(404);
  });

  it('answers 401 to anyone signed out, and 403 to an account that must change its password', async () => {
    const anonymous = await server.get(`/files/published/${currentId}.zip`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/json/);
    const { cookie, email } = await signUpAndIn(server);
    await database.db.user.update({ where: { email }, data: { mustChangePassword: true } });
    expect((await server.get(`/files/published/${currentId}.zip`, { cookie })).status).toBe(403);
  });

  it('reads the tables a page at a time and still gives every row once', async () => {
    const version = await publishedVersion(database.db, currentId);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeBulkZip(database.db, version, out, 7);
    const { text, metadata } = unpack(new Uint8Array(Buffer.concat(chunks)));
    const production = csvRows(text('production.csv')).rows.map((r) => r.join('|'));
    expect(new Set(production).size).toBe(production.length);
    expect(production.length).toBe(
      await database.db.productionRecord.count({ where: { versionId: currentId } }),
    );
    expect(metadata.tables.facilities?.rows).toBe(
      await database.db.facility.count({ where: { versionId: currentId } }),
    );
  });
});
