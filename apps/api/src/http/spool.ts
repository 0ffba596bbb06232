// Receives a request body into a temporary file, at network speed and with a byte limit, so a large upload is
// never held in memory and its receipt is not slowed down by validation (servers on the way, such as the web
// app's, stop waiting for a request body after five minutes). The file is read back as a stream.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { UploadTooLargeError } from '../imports/upload-sink.ts';

export interface SpooledUpload {
  bytes: number;
  /** The body again, as a stream of chunks. */
  read(): AsyncIterable<Uint8Array>;
  remove(): Promise<void>;
}

export async function spoolUpload(req: IncomingMessage, maxBytes: number): Promise<SpooledUpload> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ree-upload-'));
  const file = path.join(dir, 'body');
  const remove = () => rm(dir, { recursive: true, force: true });
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
      createWriteStream(file, { mode: 0o600 }),
    );
  } catch (error) {
    await remove();
    throw error;
  }
  return { bytes, read: () => createReadStream(file, { highWaterMark: 256 * 1024 }), remove };
}
