// A ZIP upload: its entries named after their tables are read as they arrive, each by a TextFileReader. An archive
// that cannot be read to its end (cut short, corrupt, too many entries, bytes between its entries, an encrypted
// entry or a name that climbs out of it, no central directory or one that disagrees with the entries read or with
// where their headers are) gives no rows at all: its file problem voids every entry read so far. One with no
// table's file in it is an error too, not a quiet 0 rows.
import { ENTITY_FILES, echo, echoList } from '@ree/domain';
import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import { TextFileReader } from './text-file-reader.ts';
import { entityForFileName, fileError, type RecordSink, UploadTooLargeError } from './upload-sink.ts';
import {
  ArchiveTail,
  countUnpacked,
  disagreement,
  type LocalEntry,
  readCentralDirectory,
} from './zip-central-directory.ts';
import { baseName, isPassedOver, unsafeName } from './zip-entry-names.ts';
import { LocalHeaders, layoutDisagreement } from './zip-local-headers.ts';

/** An archive may hold this many entries (a dataset has one file per table: about a dozen). */
export const MAX_ZIP_ENTRIES = 1000;

/**
 * The archive is handed to fflate this many bytes at a time. fflate's Unzip calls itself once more for every
 * entry that starts in the bytes it is given, so a large chunk of tiny entries ran out of stack; in slices this
 * small at most a few hundred entries can start in one call.
 */
const SLICE_BYTES = 4096;

/** A ZIP whose entries are CSV or JSON files named after their tables. Entries are read as they arrive. */
export class ZipReader {
  private readonly unzip = new Unzip();
  private queue: { reader: TextFileReader; data: Uint8Array; final: boolean }[] = [];
  private unpacked = 0;
  private entries = 0;
  /** Why the archive cannot be read to its end; once set, nothing more is read. */
  private failure: string | null = null;
  private tooLarge: UploadTooLargeError | null = null;
  /** Entries handed to a reader: what a failure of the archive voids. */
  private readonly started: string[] = [];
  private readonly skipped: string[] = [];
  /** Every entry met, in order, to be checked against the central directory at the end. */
  private readonly local: LocalEntry[] = [];
  private readonly tail = new ArchiveTail();
  /** Where each entry's local header is, walked independently of fflate (which steps over stray bytes). */
  private readonly headers = new LocalHeaders();

  constructor(
    private readonly sink: RecordSink,
    private readonly maxBytes: number,
    private readonly maxEntries = MAX_ZIP_ENTRIES,
  ) {
    this.unzip.register(UnzipInflate);
    this.unzip.onfile = (file) => this.onFile(file);
  }

  private fail(reason: string): void {
    this.failure ??= reason;
  }

  private onFile(file: UnzipFile): void {
    if (this.failure) return;
    if (++this.entries > this.maxEntries) {
      this.fail(`it has more than ${this.maxEntries} entries; a dataset has one file per table`);
      return;
    }
    const entry: LocalEntry = { name: file.name, compressedSize: file.size, size: file.originalSize };
    this.local.push(entry);
    const unsafe = unsafeName(file.name);
    if (unsafe) {
      this.fail(unsafe);
      return;
    }
    const name = echo(file.name); // names reach the report and the database: short, and no NUL
    const entity = entityForFileName(name);
    const format = /\.json$/i.test(name) ? 'json' : /\.csv$/i.test(name) ? 'csv' : null;
    const read = !isPassedOver(name) && entity && format;
    if (!read && !isPassedOver(name) && baseName(name) !== 'dataset.json') this.skipped.push(name);
    const reader = read ? new TextFileReader(name, entity, format, this.sink) : null;
    if (reader) this.started.push(name);
    this.unpack(file, entry, name, reader);
  }

  /**
   * Unpacks an entry, counting its bytes and CRC-32 for the directory check, and hands its data to `reader`. Entries
   * nobody reads are unpacked too: fflate ends an entry with a data descriptor at the first signature in its data,
   * so a skipped entry could hide another entry's header inside it, and only its size and CRC against the directory
   * show that fflate did not read it to its real end (an attacker review smuggled rows into prices.csv that way).
   */
  private unpack(file: UnzipFile, entry: LocalEntry, name: string, reader: TextFileReader | null): void {
    file.ondata = (err, data, final) => {
      if (err) {
        this.fail(`${name}: ${err.message}`);
        return;
      }
      this.unpacked += data.byteLength;
      countUnpacked(entry, data, final);
      if (this.unpacked > this.maxBytes) {
        this.tooLarge ??= new UploadTooLargeError(this.maxBytes);
        file.terminate();
        return;
      }
      if (reader) this.queue.push({ reader, data, final });
    };
    try {
      file.start();
    } catch (error) {
      this.fail(`${name}: ${(error as Error).message}`);
    }
  }

  async push(chunk: Uint8Array, final = false): Promise<void> {
    // An empty final push still has to reach fflate: it is what notices an archive cut short inside an entry.
    this.tail.push(chunk);
    // The walk goes first, a chunk ahead of fflate: stray bytes or an encrypted entry stop the reading before
    // fflate hands on any of it.
    if (!this.failure) {
      try {
        this.headers.push(chunk);
      } catch (error) {
        this.fail((error as Error).message);
      }
    }
    let offset = 0;
    do {
      if (this.failure) return;
      const end = Math.min(chunk.length, offset + SLICE_BYTES);
      try {
        this.unzip.push(chunk.subarray(offset, end), final && end === chunk.length);
      } catch (error) {
        this.fail((error as Error).message);
      }
      if (this.tooLarge) throw this.tooLarge;
      await this.drain();
      offset = end;
    } while (offset < chunk.length);
  }

  /** Hands what fflate unpacked to the entries' readers, in order. */
  private async drain(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    for (const { reader, data, final } of queue) {
      if (this.failure) return;
      await reader.push(data);
      if (final) await reader.end();
    }
  }

  /** Cut at an entry boundary, the stream looks whole: only the directory at the end tells. */
  private checkDirectory(): void {
    try {
      const directory = readCentralDirectory(this.tail.bytes(), this.maxEntries);
      const problem =
        disagreement(this.local, directory.entries) ?? layoutDisagreement(this.headers, directory);
      if (problem) this.fail(problem);
    } catch (error) {
      this.fail((error as Error).message);
    }
  }

  async end(): Promise<void> {
    await this.push(new Uint8Array(0), true);
    if (!this.failure) this.checkDirectory();
    if (this.failure) {
      await this.sink.problem({
        ...fileError(
          'upload',
          `the ZIP archive cannot be read (${echo(this.failure)}); none of its files were imported`,
        ),
        voids: this.started,
      });
      return;
    }
    if (!this.started.length) {
      await this.sink.problem(fileError('upload', this.nothingToRead()));
      return;
    }
    if (this.skipped.length) {
      await this.sink.problem({
        file: 'upload',
        line: null,
        column: null,
        severity: 'warning',
        message: `ignored ${echoList(this.skipped)}: not a table's file (expected names such as ${ENTITY_FILES.production.file})`,
      });
    }
  }

  /** Why an archive that was read whole still gives no rows: it holds no file of a table. */
  private nothingToRead(): string {
    const example = ENTITY_FILES.production.file;
    if (!this.local.length) {
      return `the ZIP archive is empty: it holds no files; a dataset's ZIP holds one file per table, such as ${example}`;
    }
    const json = ENTITY_FILES.countries.file.replace(/\.csv$/, '.json');
    return `the ZIP archive holds no table's file (names such as ${example} or ${json}); it holds ${echoList(this.local.map((e) => e.name))}`;
  }
}
