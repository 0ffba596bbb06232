// The end of a ZIP archive (its central directory and end record), read and checked against the entries the
// stream reader found. fflate's Unzip reads local entries as they arrive and never looks at the directory, so
// an archive cut at an entry boundary, or one whose directory lists other files than its body holds (tools that
// trust the directory would show other data than we import), looked whole to it. The directory is what every
// other ZIP tool believes: without it, or disagreeing with what was read, the archive is not readable to its end.
import { crc32 } from 'node:zlib';
import { echo } from '@ree/domain';
import { strFromU8 } from 'fflate';
import {
  DIRECTORY_RECORD,
  ENCRYPTED,
  END_RECORD,
  MAX16,
  MAX32,
  UTF8_NAME,
  ZIP64_END_RECORD,
  ZIP64_EXTRA,
  ZIP64_LOCATOR,
} from './zip-format.ts';

/** The central directory may take this many bytes: a dataset's dozen entries take about a kilobyte. */
export const MAX_DIRECTORY_BYTES = 2 * 1024 * 1024;
/** Room after the directory: the ZIP64 records, the end record and its comment (at most 65,535 bytes). */
const END_ROOM = 128 * 1024;

/** Why an archive's structure cannot be trusted; the message completes "the ZIP archive cannot be read (…)". */
export class ZipStructureError extends Error {
  override name = 'ZipStructureError';
}

/** Why an encrypted entry is refused: read without its password it is noise, not a table. */
export function encryptedEntry(name: string): string {
  return `"${echo(name)}" is encrypted (password-protected): export the archive without a password`;
}

/** An entry as the stream reader met it. */
export interface LocalEntry {
  name: string;
  /** Sizes from the local header; absent when a data descriptor after the data gives them instead. */
  compressedSize: number | undefined;
  size: number | undefined;
  /** For an entry that was unpacked: its bytes and CRC-32 so far, and whether its end was reached. */
  unpacked?: { bytes: number; crc: number; complete: boolean };
}

/** Adds a chunk of an entry's unpacked data to what is known of it. */
export function countUnpacked(entry: LocalEntry, data: Uint8Array, final: boolean): void {
  entry.unpacked ??= { bytes: 0, crc: 0, complete: false };
  const unpacked = entry.unpacked;
  unpacked.bytes += data.byteLength;
  unpacked.crc = crc32(data, unpacked.crc);
  if (final) unpacked.complete = true;
}

/**
 * The archive's last bytes, as many as its directory and end records may take. Chunks are kept by reference
 * and dropped from the front once the bytes after them suffice, so at most one chunk more than that is held.
 */
export class ArchiveTail {
  private chunks: Uint8Array[] = [];
  private head = 0;
  private held = 0;
  private total = 0;

  push(chunk: Uint8Array): void {
    if (!chunk.length) return;
    this.chunks.push(chunk);
    this.held += chunk.length;
    this.total += chunk.length;
    const keep = MAX_DIRECTORY_BYTES + END_ROOM;
    for (let first = this.chunks[this.head]; first && this.held - first.length >= keep; ) {
      this.held -= first.length;
      first = this.chunks[++this.head];
    }
    // Forget dropped chunks now and then, so a stream of tiny chunks does not grow the list without end.
    if (this.head > 1024) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
  }

  /** The bytes kept, and the offset in the archive of the first of them. */
  bytes(): { data: Uint8Array; start: number } {
    const data = new Uint8Array(this.held);
    let at = 0;
    for (const chunk of this.chunks.slice(this.head)) {
      data.set(chunk, at);
      at += chunk.length;
    }
    return { data, start: this.total - this.held };
  }
}

/** An entry as the central directory lists it. */
export interface DirectoryEntry {
  name: string;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the archive holds the entry's local header, in bytes from its start. */
  localHeaderOffset: number;
}

/** The central directory: where it starts, and the entries it lists in its order. */
export interface CentralDirectory {
  offset: number;
  entries: DirectoryEntry[];
}

/** The archive's central directory, from its last bytes; throws ZipStructureError. */
export function readCentralDirectory(
  tail: { data: Uint8Array; start: number },
  maxEntries: number,
): CentralDirectory {
  const { data, start } = tail;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => {
    const value = view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipStructureError('its end record is damaged');
    return Number(value);
  };
  const damaged = new ZipStructureError('its central directory is damaged');

  // The end record is the last thing in the archive: its comment must run exactly to the last byte.
  let end = -1;
  for (let at = data.length - 22; at >= 0 && at >= data.length - 22 - MAX16; at--) {
    if (u32(at) === END_RECORD && at + 22 + u16(at + 20) === data.length) {
      end = at;
      break;
    }
  }
  if (end < 0) {
    throw new ZipStructureError(
      'it has no central directory at its end: it was cut short, or is not a whole archive',
    );
  }
  if (u16(end + 4) || u16(end + 6) || u16(end + 8) !== u16(end + 10))
    throw new ZipStructureError('it is split across several disks');
  let count = u16(end + 10);
  let size = u32(end + 12);
  let offset = u32(end + 16);
  let directoryEnd = end;
  if (count === MAX16 || size === MAX32 || offset === MAX32) {
    const locator = end - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR)
      throw new ZipStructureError('its end record is damaged');
    const record = u64(locator + 8) - start;
    if (record < 0 || record + 56 > locator || u32(record) !== ZIP64_END_RECORD)
      throw new ZipStructureError('its ZIP64 end record is missing or damaged');
    count = u64(record + 32);
    if (u64(record + 24) !== count) throw new ZipStructureError('it is split across several disks');
    size = u64(record + 40);
    offset = u64(record + 48);
    directoryEnd = record;
  }
  if (count > maxEntries) {
    throw new ZipStructureError(
      `its central directory lists more than ${maxEntries} entries; a dataset has one file per table`,
    );
  }
  if (size > MAX_DIRECTORY_BYTES)
    throw new ZipStructureError(
      `its central directory is larger than ${MAX_DIRECTORY_BYTES / 1024 / 1024} MB`,
    );
  // Offsets count from the archive's first byte; anything else (data in front, a lying record) is refused.
  if (offset - start + size !== directoryEnd || offset < start)
    throw new ZipStructureError('its central directory is not where its end record says');

  const entries: DirectoryEntry[] = [];
  let at = offset - start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryEnd || u32(at) !== DIRECTORY_RECORD) throw damaged;
    const nameLength = u16(at + 28);
    const extraStart = at + 46 + nameLength;
    const next = extraStart + u16(at + 30) + u16(at + 32);
    if (next > directoryEnd) throw damaged;
    let entrySize = u32(at + 24);
    let compressedSize = u32(at + 20);
    let localHeaderOffset = u32(at + 42);
    if (entrySize === MAX32 || compressedSize === MAX32 || localHeaderOffset === MAX32) {
      // ZIP64: the real values are in an extra field, each present only where the record says 0xFFFFFFFF,
      // in this order: size, compressed size, local header offset.
      const extraEnd = extraStart + u16(at + 30);
      let field = extraStart;
      while (field + 4 <= extraEnd && u16(field) !== ZIP64_EXTRA) field += 4 + u16(field + 2);
      const fieldEnd = field + 4 + (field + 4 <= extraEnd ? u16(field + 2) : 0);
      const wide = [entrySize, compressedSize, localHeaderOffset].filter((value) => value === MAX32);
      if (field + 4 > extraEnd || fieldEnd > extraEnd || field + 4 + 8 * wide.length > fieldEnd)
        throw damaged;
      let value = field + 4;
      const next64 = () => {
        value += 8;
        return u64(value - 8);
      };
      if (entrySize === MAX32) entrySize = next64();
      if (compressedSize === MAX32) compressedSize = next64();
      if (localHeaderOffset === MAX32) localHeaderOffset = next64();
    }
    const flags = u16(at + 8);
    const name = strFromU8(data.subarray(at + 46, extraStart), !(flags & UTF8_NAME));
    if (flags & ENCRYPTED) throw new ZipStructureError(encryptedEntry(name));
    entries.push({ name, crc: u32(at + 16), compressedSize, size: entrySize, localHeaderOffset });
    at = next;
  }
  if (at !== directoryEnd) throw damaged;
  return { offset, entries };
}

/** Where the directory and the entries read disagree, in words; null when they agree. */
export function disagreement(local: readonly LocalEntry[], listed: readonly DirectoryEntry[]): string | null {
  if (local.length !== listed.length)
    return `its central directory lists ${listed.length} ${listed.length === 1 ? 'entry' : 'entries'}, but the archive holds ${local.length}`;
  for (const [i, entry] of local.entries()) {
    const other = listed[i];
    if (!other || other.name !== entry.name) {
      return `its central directory lists "${echo(other?.name ?? '')}" where it holds "${echo(entry.name)}"`;
    }
    const unpacked = entry.unpacked;
    const agrees =
      (entry.compressedSize === undefined || entry.compressedSize === other.compressedSize) &&
      (entry.size === undefined || entry.size === other.size) &&
      (!unpacked || (unpacked.complete && unpacked.bytes === other.size && unpacked.crc === other.crc));
    if (!agrees) return `${echo(entry.name)}: its size or checksum disagrees with the central directory`;
  }
  return null;
}
