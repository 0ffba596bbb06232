// ZIP archives written byte by byte, so a test can put every header, offset and flag where it wants: entries
// with or without data descriptors, bytes between entries, a central directory that points elsewhere.
import { crc32 } from 'node:zlib';
import { deflateSync, strToU8 } from 'fflate';

/** General-purpose flag bit 0: the entry is encrypted. */
export const ENCRYPTED = 0x0001;
const DESCRIPTOR = 0x0008;

export interface EntrySpec {
  name: string;
  data: Uint8Array;
  /** Deflated (8) or stored (0, the default). */
  method?: 0 | 8;
  /** Extra general-purpose flag bits, e.g. 0x0001 (encrypted). */
  flags?: number;
  /** Sizes and CRC in a data descriptor after the data: with its signature, or without (older writers). */
  descriptor?: 'signed' | 'unsigned';
}

/** One entry as written: its local header, data and descriptor, and what its directory record says of it. */
export interface WrittenEntry {
  bytes: Uint8Array;
  name: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Little-endian fields of 2 or 4 bytes, in order. */
function fields(...values: [number, 2 | 4][]): Uint8Array {
  const out = new Uint8Array(values.reduce((n, [, width]) => n + width, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [value, width] of values) {
    if (width === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += width;
  }
  return out;
}

export function writeEntry(spec: EntrySpec): WrittenEntry {
  const method = spec.method ?? 0;
  const stored = method === 8 ? deflateSync(spec.data) : spec.data;
  const flags = (spec.flags ?? 0) | (spec.descriptor ? DESCRIPTOR : 0);
  const name = strToU8(spec.name);
  const crc = crc32(spec.data);
  // With a descriptor the local header's CRC and sizes are 0, as streaming writers leave them.
  const inHeader = spec.descriptor ? [0, 0, 0] : [crc, stored.length, spec.data.length];
  const header = fields(
    [0x04034b50, 4],
    [20, 2],
    [flags, 2],
    [method, 2],
    [0, 2],
    [0x21, 2],
    [inHeader[0] ?? 0, 4],
    [inHeader[1] ?? 0, 4],
    [inHeader[2] ?? 0, 4],
    [name.length, 2],
    [0, 2],
  );
  const sizes = fields([crc, 4], [stored.length, 4], [spec.data.length, 4]);
  const descriptor =
    spec.descriptor === 'signed'
      ? concat(fields([0x08074b50, 4]), sizes)
      : spec.descriptor === 'unsigned'
        ? sizes
        : new Uint8Array();
  return {
    bytes: concat(header, name, stored, descriptor),
    name,
    flags,
    method,
    crc,
    compressedSize: stored.length,
    size: spec.data.length,
  };
}

/** A central directory record for `entry`, saying its local header is at `offset`. */
export function directoryRecord(entry: WrittenEntry, offset: number): Uint8Array {
  const head = fields(
    [0x02014b50, 4],
    [20, 2],
    [20, 2],
    [entry.flags, 2],
    [entry.method, 2],
    [0, 2],
    [0x21, 2],
    [entry.crc, 4],
    [entry.compressedSize, 4],
    [entry.size, 4],
    [entry.name.length, 2],
    [0, 2],
    [0, 2],
    [0, 2],
    [0, 2],
    [0, 4],
    [offset, 4],
  );
  return concat(head, entry.name);
}

/** The end record: `count` entries in a directory of `size` bytes at `offset`. */
export function endRecord(count: number, size: number, offset: number): Uint8Array {
  return fields([0x06054b50, 4], [0, 2], [0, 2], [count, 2], [count, 2], [size, 4], [offset, 4], [0, 2]);
}

/**
 * An archive of `entries`, with `gaps[i]` written after entry i (after the last: before the directory), and
 * the directory's offsets as `offsets` makes them from the true ones (by default the true ones).
 */
export function buildZip(
  entries: readonly WrittenEntry[],
  options: { gaps?: readonly (Uint8Array | undefined)[]; offsets?: (actual: number[]) => number[] } = {},
): Uint8Array {
  const body: Uint8Array[] = [];
  const actual: number[] = [];
  let at = 0;
  for (const [i, entry] of entries.entries()) {
    actual.push(at);
    const gap = options.gaps?.[i] ?? new Uint8Array();
    body.push(entry.bytes, gap);
    at += entry.bytes.length + gap.length;
  }
  const offsets = options.offsets?.(actual) ?? actual;
  const directory = concat(...entries.map((entry, i) => directoryRecord(entry, offsets[i] ?? 0)));
  return concat(...body, directory, endRecord(entries.length, directory.length, at));
}
