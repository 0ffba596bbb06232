import { describe, expect, it } from 'vitest';
import { crc32, readTextChunks, withTextChunks } from './png-text';

// The smallest valid PNG: 1×1, one grey pixel (signature, IHDR, IDAT, IEND).
const PIXEL = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

describe('crc32', () => {
  it('gives the check value of the CRC-32 catalogue and the CRC every PNG ends with', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
});

describe('withTextChunks', () => {
  it('adds UTF-8 text after the header and keeps the image chunks byte for byte', () => {
    const tagged = withTextChunks(PIXEL, [
      ['Title', '輸入に占める中国の割合: Dy'],
      ['Source', 'Sources: USGS MCS 2026. Dataset version: Reference 2026.12.'],
    ]);
    expect(readTextChunks(tagged)).toEqual({
      Title: '輸入に占める中国の割合: Dy',
      Source: 'Sources: USGS MCS 2026. Dataset version: Reference 2026.12.',
    });
    expect(Buffer.from(tagged.subarray(0, 33))).toEqual(Buffer.from(PIXEL.subarray(0, 33)));
    expect(Buffer.from(tagged.subarray(tagged.length - (PIXEL.length - 33)))).toEqual(
      Buffer.from(PIXEL.subarray(33)),
    );
    expect(String.fromCharCode(...tagged.subarray(37, 41))).toBe('iTXt');
  });

  it('leaves out empty entries and refuses what is not a PNG', () => {
    expect(withTextChunks(PIXEL, [['Description', '']])).toEqual(PIXEL);
    expect(() => withTextChunks(new TextEncoder().encode('GIF89a……………………………………'), [])).toThrow(/not a PNG/);
  });

  it('reads a damaged chunk as an error, not as text', () => {
    const tagged = withTextChunks(PIXEL, [['Title', 'Production shares']]);
    tagged[50] = (tagged[50] ?? 0) ^ 0xff;
    expect(() => readTextChunks(tagged)).toThrow(/iTXt chunk at byte 33 fails its CRC/);
  });
});
