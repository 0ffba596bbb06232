// A ZIP's local headers as the archive streams past, each with the byte it starts at. fflate's Unzip finds entries
// by scanning for their signature and steps over whatever else it meets, and never says where it found one: bytes
// between entries went unseen, and a central directory sending other tools to other offsets (a copy hidden in
// another entry, entries shifted or swapped) could not be caught. This walks the archive as the format lays it
// out — each header right after the previous entry's data and data descriptor, up to the central directory — and
// refuses anything else there. It holds a header's bytes at most, never an entry's data.
import { echo } from '@ree/domain';
import { strFromU8 } from 'fflate';
import { type CentralDirectory, encryptedEntry, ZipStructureError } from './zip-central-directory.ts';
import {
  DATA_DESCRIPTOR,
  DIRECTORY_RECORD,
  ENCRYPTED,
  END_RECORD,
  HAS_DESCRIPTOR,
  LOCAL_HEADER,
  MAX32,
  UTF8_NAME,
  ZIP64_END_RECORD,
  ZIP64_EXTRA,
} from './zip-format.ts';

/** What may follow the last entry: a directory record, a ZIP64 end record, or (no entries) the end record. */
const DIRECTORY_STARTS = new Set([DIRECTORY_RECORD, ZIP64_END_RECORD, END_RECORD]);
/**
 * A descriptor is looked for once this many bytes are in hand: the longest, ZIP64 with its signature (4 + 4 + 8 +
 * 8), or ZIP64 without one and the next signature after it (4 + 8 + 8 + 4).
 */
const DESCRIPTOR_WINDOW = 24;

/** An entry's local header, where the archive holds it. */
export interface LocalHeader {
  offset: number;
  name: string;
  /** The bytes of its data as stored; for an entry with a data descriptor, known once the descriptor is found. */
  compressedSize: number | null;
}

type State =
  | { kind: 'header' }
  | { kind: 'data'; remaining: number }
  | { kind: 'descriptor'; dataStart: number; zip64: boolean; header: LocalHeader }
  | { kind: 'directory' };

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The archive's local headers, read as its bytes are pushed; push throws ZipStructureError. */
export class LocalHeaders {
  readonly headers: LocalHeader[] = [];
  /** The byte after the last entry, where the central directory must start; null until reached. */
  directoryOffset: number | null = null;
  private state: State = { kind: 'header' };
  /** Bytes not yet walked past, starting at archive offset `at`. */
  private pending: Uint8Array = new Uint8Array(0);
  private at = 0;

  push(chunk: Uint8Array): void {
    if (this.state.kind === 'directory' || !chunk.length) return;
    if (this.pending.length) {
      const joined = new Uint8Array(this.pending.length + chunk.length);
      joined.set(this.pending);
      joined.set(chunk, this.pending.length);
      this.pending = joined;
    } else this.pending = chunk;
    while (this.step()) {}
  }

  private consume(bytes: number): void {
    this.pending = this.pending.subarray(bytes);
    this.at += bytes;
  }

  /** Walks as far as the bytes in hand allow; false when it needs more. */
  private step(): boolean {
    const state = this.state;
    if (state.kind === 'data') {
      const bytes = Math.min(state.remaining, this.pending.length);
      this.consume(bytes);
      state.remaining -= bytes;
      if (state.remaining) return false;
      this.state = { kind: 'header' };
      return true;
    }
    if (state.kind === 'descriptor') return this.findDescriptor(state);
    if (state.kind === 'header') return this.readHeader();
    return false;
  }

  private readHeader(): boolean {
    const bytes = this.pending;
    if (bytes.length < 4) return false;
    const v = view(bytes);
    const signature = v.getUint32(0, true);
    if (DIRECTORY_STARTS.has(signature)) {
      this.directoryOffset = this.at;
      this.state = { kind: 'directory' };
      this.pending = new Uint8Array(0);
      return false;
    }
    if (signature !== LOCAL_HEADER) throw new ZipStructureError(strayBytes(this.at, this.headers.at(-1)));
    if (bytes.length < 30) return false;
    const nameEnd = 30 + v.getUint16(26, true);
    const headerEnd = nameEnd + v.getUint16(28, true);
    if (bytes.length < headerEnd) return false;
    const flags = v.getUint16(6, true);
    const name = strFromU8(bytes.subarray(30, nameEnd), !(flags & UTF8_NAME));
    if (flags & ENCRYPTED) throw new ZipStructureError(encryptedEntry(name));
    const sizes = localSizes(v, bytes.subarray(nameEnd, headerEnd), nameEnd);
    const header: LocalHeader = {
      offset: this.at,
      name,
      compressedSize: flags & HAS_DESCRIPTOR ? null : sizes.compressedSize,
    };
    this.headers.push(header);
    this.consume(headerEnd);
    this.state =
      flags & HAS_DESCRIPTOR
        ? { kind: 'descriptor', dataStart: this.at, zip64: sizes.zip64, header }
        : { kind: 'data', remaining: sizes.compressedSize };
    return true;
  }

  /**
   * The data of an entry with a descriptor runs until its descriptor, which gives the data's length: the first
   * place whose descriptor says exactly as many bytes came before it is the end (as fflate reads it: with the
   * descriptor's signature, or without one and then the next header's). Bytes before it are the entry's data.
   */
  private findDescriptor(state: Extract<State, { kind: 'descriptor' }>): boolean {
    const bytes = this.pending;
    const v = view(bytes);
    const width = state.zip64 ? 8 : 4;
    const size = (at: number) => (width === 8 ? Number(v.getBigUint64(at, true)) : v.getUint32(at, true));
    let at = 0;
    for (; at + DESCRIPTOR_WINDOW <= bytes.length; at++) {
      const before = this.at + at - state.dataStart;
      let length = 0;
      // signature, CRC-32, compressed size, size; or the same without the signature.
      if (v.getUint32(at, true) === DATA_DESCRIPTOR && size(at + 8) === before) length = 8 + 2 * width;
      else if (size(at + 4) === before) {
        const next = v.getUint32(at + 4 + 2 * width, true);
        if (next === LOCAL_HEADER || DIRECTORY_STARTS.has(next)) length = 4 + 2 * width;
      }
      if (length) {
        state.header.compressedSize = before;
        this.consume(at + length);
        this.state = { kind: 'header' };
        return true;
      }
    }
    this.consume(at);
    return false;
  }
}

/** Sizes from a local header: its own fields, or where they say 0xFFFFFFFF its ZIP64 extra field's (as fflate). */
function localSizes(
  v: DataView,
  extra: Uint8Array,
  extraStart: number,
): { compressedSize: number; zip64: boolean } {
  const compressedSize = v.getUint32(18, true);
  const size = v.getUint32(22, true);
  if (compressedSize !== MAX32 && size !== MAX32) return { compressedSize, zip64: false };
  for (let field = 0; field + 4 <= extra.length; field += 4 + v.getUint16(extraStart + field + 2, true)) {
    if (v.getUint16(extraStart + field, true) !== ZIP64_EXTRA) continue;
    const at = extraStart + field + 4 + (size === MAX32 ? 8 : 0);
    if (compressedSize !== MAX32) return { compressedSize, zip64: true };
    if (at + 8 > extraStart + extra.length) break;
    return { compressedSize: Number(v.getBigUint64(at, true)), zip64: true };
  }
  throw new ZipStructureError('a local header says its sizes are in a ZIP64 field it does not have');
}

function strayBytes(at: number, last: LocalHeader | undefined): string {
  return last
    ? `it has bytes that belong to no entry at byte ${at}, after "${echo(last.name)}"`
    : 'it does not start with a ZIP entry: it is not a ZIP archive, or has data in front';
}

/**
 * Where the central directory and the headers read disagree on where the entries are, in words; null when they
 * agree. Counts and names were compared with the entries read already (disagreement()).
 */
export function layoutDisagreement(local: LocalHeaders, directory: CentralDirectory): string | null {
  const { headers, directoryOffset } = local;
  const last = headers.at(-1);
  if (directoryOffset === null) {
    return `"${echo(last?.name ?? '')}" runs on past the start of the central directory`;
  }
  if (directoryOffset !== directory.offset) return strayBytes(directoryOffset, last);
  if (headers.length !== directory.entries.length) {
    return `its central directory lists ${directory.entries.length} entries, but ${headers.length} local headers were read`;
  }
  for (const [i, header] of headers.entries()) {
    const listed = directory.entries[i];
    if (!listed || listed.name !== header.name) {
      return `its central directory lists "${echo(listed?.name ?? '')}" where the archive holds "${echo(header.name)}"`;
    }
    if (listed.localHeaderOffset !== header.offset) {
      return `"${echo(header.name)}": its central directory puts its local header at byte ${listed.localHeaderOffset}, but it is at byte ${header.offset}`;
    }
    if (header.compressedSize !== listed.compressedSize) {
      return `${echo(header.name)}: its size or checksum disagrees with the central directory`;
    }
  }
  return null;
}
