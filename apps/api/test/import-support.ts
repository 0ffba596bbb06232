// What the import tests share: a seeded database with an admin and a fresh draft, bytes cut into chunks, and a
// file staged into the draft with the report it gets.
import type { Database } from '../src/db/client.ts';
import { type StageInput, stageImport } from '../src/imports/stage-import.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

export interface AdminDraft {
  database: Database;
  admin: SessionUser;
  draftId: string;
}

/** A test database, an admin in it and an empty-of-changes draft of the reference dataset, labelled for the file. */
export async function openAdminDraft(label: string): Promise<AdminDraft> {
  const database = await openTestDatabase();
  const admin = await createTestUser(database, 'admin');
  const draft = await callerFor(database, admin).datasets.createDraft({ label: `${label} ${Date.now()}` });
  return { database, admin, draftId: draft.id };
}

/** The bytes in chunks of `size`, so every parser sees fields, quotes and UTF-8 characters cut in two. */
export async function* chunks(data: string | Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Stages `source` as the admin's upload of `name` into the draft, and gives the batch with its report. */
export async function stageAndReport(
  { database, admin, draftId }: AdminDraft,
  name: string,
  source: AsyncIterable<Uint8Array>,
  options: Partial<StageInput> = {},
) {
  const staged = await stageImport(
    database.db,
    { id: admin.id, email: admin.email, ip: '127.0.0.1' },
    { versionId: draftId, fileName: name, maxBytes: 1_000_000, ...options },
    source,
  );
  const report = await callerFor(database, admin).imports.report({ batchId: staged.batchId, pageSize: 100 });
  return { ...staged, ...report };
}

/** A report's problem without its ids, as the tests compare them. */
export const simpleProblem = (p: {
  severity: string;
  line: number | null;
  column: string | null;
  message: string;
}) => ({ severity: p.severity, line: p.line, column: p.column, message: p.message });

/** The production table's CSV header, and one row of it for `year`. */
export const PRODUCTION_HEADER =
  'country,stage,material,year,quantity,unit,basis,projection,source_id,status';
export const productionRow = (year: string, quantity = '21000') =>
  `AUS,mining,REE,${year},${quantity},t,REO,false,usgs-mcs-2025,verified`;
