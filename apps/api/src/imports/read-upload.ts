// Reads an uploaded file — CSV, a JSON array, or a ZIP of several — as a stream of records handed to a sink, one
// at a time, so a 100 MB upload is never held in memory as a whole. Knows file formats, nothing of databases.
import { createHash } from 'node:crypto';
import { type EntityName, echo } from '@ree/domain';
import { TextFileReader } from './text-file-reader.ts';
import { entityForFileName, fileError, type RecordSink, UploadTooLargeError } from './upload-sink.ts';
import { UpstreamCsvReader } from './upstream-csv-reader.ts';
import { upstreamLayoutFor } from './upstream-layouts.ts';
import { ZipReader } from './zip-reader.ts';

export type UploadFormat = 'csv' | 'json' | 'zip';

export interface UploadSummary {
  format: UploadFormat;
  bytes: number;
  /** sha256 of the bytes as uploaded. */
  contentHash: string;
}

/** A ZIP starts with an entry's local header, or (an empty one) with its end record. */
const ZIP_MAGICS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

/**
 * Reads the upload and feeds `sink`. `entity` names the table of a single CSV or JSON file (else its name says);
 * a ZIP's entries are matched by name. Throws UploadTooLargeError past `maxBytes` (uploaded, or unpacked).
 */
export async function readUpload(
  source: AsyncIterable<Uint8Array>,
  options: { fileName: string; entity?: EntityName | undefined; maxBytes: number },
  sink: RecordSink,
): Promise<UploadSummary> {
  const hash = createHash('sha256');
  let bytes = 0;
  let reader: ((chunk: Uint8Array) => Promise<void>) | null = null;
  let finish: () => Promise<void> = async () => {};
  let format: UploadFormat = 'csv';

  for await (const chunk of source) {
    bytes += chunk.byteLength;
    if (bytes > options.maxBytes) throw new UploadTooLargeError(options.maxBytes);
    hash.update(chunk);
    if (!reader) {
      format = detectFormat(options.fileName, chunk);
      const layout = format === 'csv' ? upstreamLayoutFor(firstLineOf(chunk), options.fileName) : null;
      if (format === 'zip') {
        const zip = new ZipReader(sink, options.maxBytes);
        reader = (c) => zip.push(c);
        finish = () => zip.end();
      } else if (layout) {
        const upstream = new UpstreamCsvReader(options.fileName, sink, layout);
        reader = (c) => upstream.push(c);
        finish = () => upstream.end();
      } else {
        const entity = options.entity ?? entityForFileName(options.fileName);
        if (!entity) {
          await sink.problem(
            fileError(
              options.fileName,
              `cannot tell which table "${echo(options.fileName)}" is for: choose one, or name the file after it (e.g. production.csv)`,
            ),
          );
          reader = async () => {};
        } else {
          const text = new TextFileReader(options.fileName, entity, format, sink);
          reader = (c) => text.push(c);
          finish = () => text.end();
        }
      }
    }
    await reader(chunk);
  }
  if (bytes === 0) {
    await sink.problem(fileError(options.fileName, 'the file is empty (0 bytes)'));
  } else await finish();
  return { format, bytes, contentHash: hash.digest('hex') };
}

/** The first line of a chunk, read byte for byte (a header is ASCII whatever the file's encoding). */
function firstLineOf(chunk: Uint8Array): string {
  const end = chunk.findIndex((b) => b === 0x0a || b === 0x0d);
  return new TextDecoder('latin1').decode(chunk.subarray(0, end < 0 ? Math.min(chunk.length, 4096) : end));
}

function detectFormat(fileName: string, firstChunk: Uint8Array): UploadFormat {
  const zipMagic = ZIP_MAGICS.some((magic) => magic.every((b, i) => firstChunk[i] === b));
  if (zipMagic || /\.zip$/i.test(fileName)) return 'zip';
  return /\.json$/i.test(fileName) ? 'json' : 'csv';
}
