// Receives a request body into a spool file, at network speed and with a byte limit, so a large upload is never
// held in memory and its receipt is not slowed down by validation (servers on the way, such as the web app's,
// stop waiting for a request body after five minutes). The file is read back as a stream.
//
// Spool files live in the data directory's `spool/` (0700, files 0600), not the machine's shared temporary
// directory: an upload is the admins' data, and a process killed mid-upload (kill -9, a crash) cannot remove its
// file, so the next start does. Several API instances may share one data directory (on PostgreSQL), so a file is
// named after the process that wrote it, `<pid>-<random>`, and a start removes only what no running API can own.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { processAlive } from '../db/pglite-lock.ts';
import { ensurePrivateDirectory } from '../db/private-directory.ts';
import { UploadTooLargeError } from '../imports/upload-sink.ts';

/** The spool's folder in the data directory. */
export const SPOOL_DIRECTORY = 'spool';

/**
 * A spool file older than this is left over whatever its name says (its pid may now belong to another
 * process): an upload is received and validated within minutes.
 */
export const MAX_SPOOL_AGE_MS = 24 * 60 * 60 * 1000;

const SPOOL_NAME = /^(\d+)-[0-9a-f-]{36}$/;

export interface SpooledUpload {
  bytes: number;
  /** The body again, as a stream of chunks. */
  read(): AsyncIterable<Uint8Array>;
  remove(): Promise<void>;
}

export function spoolDirectory(dataDir: string): string {
  return path.join(dataDir, SPOOL_DIRECTORY);
}

/** Whether no running API can still be using this entry of the spool. */
function stale(name: string, modified: number, now: number): boolean {
  const pid = Number(SPOOL_NAME.exec(name)?.[1] ?? 0);
  if (!pid || !processAlive(pid) || now - modified > MAX_SPOOL_AGE_MS) return true;
  // Our own pid on a file older than this process: a crashed one had the same pid.
  return pid === process.pid && modified < now - process.uptime() * 1000;
}

/**
 * Creates the spool folder (0700), or checks and tightens it, and removes what crashed processes left in it.
 * Returns the names removed.
 */
export async function clearStaleSpool(dir: string): Promise<string[]> {
  ensurePrivateDirectory(dir);
  const now = Date.now();
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    const target = path.join(dir, name);
    const stats = await lstat(target).catch(() => null); // removed meanwhile by another instance
    if (!stats || !stale(name, stats.mtimeMs, now)) continue;
    await rm(target, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export async function spoolUpload(
  req: IncomingMessage,
  maxBytes: number,
  dir: string,
): Promise<SpooledUpload> {
  ensurePrivateDirectory(dir); // in case it was removed while the API runs
  const file = path.join(dir, `${process.pid}-${randomUUID()}`);
  const remove = () => rm(file, { force: true });
  let bytes = 0;
  try {
    await pipeline(
      req,
      async function* limit(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          bytes += chunk.byteLength;
          if (bytes > maxBytes) throw new UploadTooLargeError(maxBytes);
          yield chunk;
        }
      },
      // "wx": a new file or none; never one (or a link) someone put in its place.
      createWriteStream(file, { flags: 'wx', mode: 0o600 }),
    );
  } catch (error) {
    await remove();
    throw error;
  }
  return { bytes, read: () => createReadStream(file, { highWaterMark: 256 * 1024 }), remove };
}
