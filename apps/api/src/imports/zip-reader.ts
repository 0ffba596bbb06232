// A ZIP upload: its entries named after their tables are read as they arrive, each by a TextFileReader.
import { ENTITY_FILES } from '@ree/domain';
import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import { TextFileReader } from './text-file-reader.ts';
import { entityForFileName, fileError, type RecordSink, UploadTooLargeError } from './upload-sink.ts';

/** A ZIP whose entries are CSV or JSON files named after their tables. Entries are read as they arrive. */
export class ZipReader {
  private readonly unzip = new Unzip();
  private queue: { reader: TextFileReader | null; data: Uint8Array; final: boolean }[] = [];
  private unpacked = 0;
  private error: Error | null = null;
  private readonly skipped: string[] = [];

  constructor(
    private readonly sink: RecordSink,
    private readonly maxBytes: number,
  ) {
    this.unzip.register(UnzipInflate);
    this.unzip.onfile = (file) => this.onFile(file);
  }

  private onFile(file: UnzipFile): void {
    const name = file.name;
    const base = name.split('/').pop() ?? '';
    if (name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('.')) return;
    const entity = entityForFileName(name);
    const format = /\.json$/i.test(name) ? 'json' : /\.csv$/i.test(name) ? 'csv' : null;
    if (!entity || !format) {
      if (base !== 'dataset.json') this.skipped.push(name);
      return;
    }
    const reader = new TextFileReader(name, entity, format, this.sink);
    file.ondata = (err, data, final) => {
      if (err) {
        this.error ??= new Error(`${name}: ${err.message}`);
        return;
      }
      this.unpacked += data.byteLength;
      if (this.unpacked > this.maxBytes) {
        this.error ??= new UploadTooLargeError(this.maxBytes);
        file.terminate();
        return;
      }
      this.queue.push({ reader, data, final });
    };
    try {
      file.start();
    } catch (error) {
      this.error ??= new Error(`${name}: ${(error as Error).message}`);
    }
  }

  async push(chunk: Uint8Array, final = false): Promise<void> {
    try {
      this.unzip.push(chunk, final);
    } catch (error) {
      this.error ??= error as Error;
    }
    if (this.error instanceof UploadTooLargeError) throw this.error;
    const queue = this.queue;
    this.queue = [];
    for (const { reader, data, final: last } of queue) {
      if (!reader) continue;
      await reader.push(data);
      if (last) await reader.end();
    }
  }

  async end(): Promise<void> {
    await this.push(new Uint8Array(0), true);
    if (this.error) {
      await this.sink.problem(fileError('upload', `the ZIP archive cannot be read (${this.error.message})`));
    }
    if (this.skipped.length) {
      await this.sink.problem({
        file: 'upload',
        line: null,
        column: null,
        severity: 'warning',
        message: `ignored ${this.skipped.join(', ')}: not a table's file (expected names such as ${ENTITY_FILES.production.file})`,
      });
    }
  }
}
