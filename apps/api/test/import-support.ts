// What the import tests share: a seeded database with an admin and a fresh draft, and bytes cut into chunks.
import type { Database } from '../src/db/client.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { callerFor, createTestUser, openTestDatabase } from './support.ts';

/** A test database, an admin in it and an empty-of-changes draft of the reference dataset, labelled for the file. */
export async function openAdminDraft(
  label: string,
): Promise<{ database: Database; admin: SessionUser; draftId: string }> {
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
