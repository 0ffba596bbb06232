// Text chunks in a PNG file, so an exported figure carries its title, sources and dataset version in the file
// itself (readable by `exiftool`, image viewers and scripts), not only painted into its pixels. iTXt is used for
// every entry: it holds UTF-8, so Japanese titles survive. Spec: PNG (Third Edition), §11.3.3.

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const IHDR_END = 8 + 4 + 4 + 13 + 4; // signature, then IHDR's length, type, 13 data bytes and CRC

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG computes it over a chunk's type and data. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The keywords PNG defines for text (§11.3.4.2) that a figure's provenance fills. */
export type PngTextKeyword = 'Title' | 'Source' | 'Description' | 'Comment' | 'Software';

function isPng(png: Uint8Array) {
  return SIGNATURE.every((b, i) => png[i] === b) && String.fromCharCode(...png.slice(12, 16)) === 'IHDR';
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function itxt(keyword: PngTextKeyword, text: string): Uint8Array {
  const encoder = new TextEncoder();
  // keyword NUL, compression flag 0, method 0, language tag "" NUL, translated keyword "" NUL, UTF-8 text
  const head = encoder.encode(keyword);
  const body = encoder.encode(text);
  const data = new Uint8Array(head.length + 5 + body.length);
  data.set(head, 0);
  data.set(body, head.length + 5);
  return chunk('iTXt', data);
}

/** A copy of `png` with one iTXt chunk per entry, placed right after the header chunk. Throws on a non-PNG. */
export function withTextChunks(
  png: Uint8Array,
  entries: readonly (readonly [PngTextKeyword, string])[],
): Uint8Array<ArrayBuffer> {
  if (!isPng(png)) throw new Error('not a PNG file (no signature and header chunk)');
  const chunks = entries.filter(([, text]) => text.length > 0).map(([k, text]) => itxt(k, text));
  const size = chunks.reduce((sum, c) => sum + c.length, 0);
  const out = new Uint8Array(png.length + size);
  out.set(png.subarray(0, IHDR_END), 0);
  let at = IHDR_END;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(IHDR_END), at);
  return out;
}

/** The uncompressed iTXt entries of a PNG, keyword → text; a chunk whose CRC does not match is an error. */
export function readTextChunks(png: Uint8Array): Record<string, string> {
  if (!isPng(png)) throw new Error('not a PNG file (no signature and header chunk)');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const decoder = new TextDecoder();
  const found: Record<string, string> = {};
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) {
      throw new Error(`the ${type} chunk at byte ${at} fails its CRC`);
    }
    if (type === 'iTXt' && data[data.indexOf(0) + 1] === 0) {
      const keywordEnd = data.indexOf(0);
      const languageEnd = data.indexOf(0, keywordEnd + 3);
      const translatedEnd = data.indexOf(0, languageEnd + 1);
      found[decoder.decode(data.subarray(0, keywordEnd))] = decoder.decode(data.subarray(translatedEnd + 1));
    }
    at += 12 + length;
  }
  return found;
}
