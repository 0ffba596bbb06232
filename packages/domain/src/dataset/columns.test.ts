import { describe, expect, it } from 'vitest';
import { CellError, convertCell } from './columns.ts';
import { echo, echoList, MAX_ECHO_CHARS } from './echo.ts';

const refusal = (text: string, type: Parameters<typeof convertCell>[1]) => {
  try {
    convertCell(text, type);
  } catch (error) {
    if (error instanceof CellError) return error.message;
    throw error;
  }
  return null;
};

describe('convertCell', () => {
  it('takes an integer only when it is written as one', () => {
    expect(convertCell('2024', 'int')).toBe(2024);
    expect(convertCell('1,500', 'int')).toBe(1500);
    expect(convertCell('0', 'int')).toBe(0);
    expect(refusal('2024.0', 'int')).toBe(
      '"2024.0" must be written as a whole number, without a decimal point (e.g. 2024)',
    );
    expect(refusal('2.024e3', 'int')).toBe(
      '"2.024e3" must be written as a whole number, without an exponent (e.g. 2024)',
    );
    expect(refusal('02024', 'int')).toBe(
      '"02024" must be written as a whole number, without leading zeros (e.g. 2024)',
    );
    expect(refusal('2024.5', 'int')).toBe('"2024.5" is not a whole number');
  });

  it('refuses numbers too large to be finite', () => {
    expect(refusal('1e309', 'int')).toBe('"1e309" is not a finite number');
    expect(refusal('-1e309', 'number')).toBe('"-1e309" is not a finite number');
    expect(convertCell('2.5e3', 'number')).toBe(2500);
  });

  it('refuses NUL characters and lone surrogates in any column', () => {
    expect(refusal('a\0b', 'string')).toMatch(/NUL character/);
    expect(refusal('AUS;\0', 'list')).toMatch(/NUL character/);
    expect(refusal('x\uD800y', 'string')).toMatch(/half of a UTF-16 character pair/);
    expect(convertCell('Ré 🧲', 'string')).toBe('Ré 🧲');
  });

  it('echoes at most MAX_ECHO_CHARS of a value it refuses', () => {
    const message = refusal('x'.repeat(500), 'int') ?? '';
    expect(message).toBe(`"${'x'.repeat(MAX_ECHO_CHARS - 1)}…" is not a number`);
  });
});

describe('echo', () => {
  it('cuts long values to MAX_ECHO_CHARS, never in the middle of a character, and shows NUL as ␀', () => {
    expect(echo('short\0')).toBe('short␀');
    expect(echo('x'.repeat(1000))).toBe(`${'x'.repeat(MAX_ECHO_CHARS - 1)}…`);
    const cut = echo(`${'x'.repeat(MAX_ECHO_CHARS - 2)}🧲🧲`);
    expect(cut).toBe(`${'x'.repeat(MAX_ECHO_CHARS - 2)}…`);
    expect(echoList(Array.from({ length: 12 }, (_, i) => `c${i}`))).toBe(
      'c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 2 more',
    );
  });
});
