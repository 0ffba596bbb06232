import { describe, expect, it } from 'vitest';
import { CellError, convertCell } from './columns.ts';
import { echo, echoList, MAX_ECHO_CHARS } from './echo.ts';
import { textProblem } from './text-problem.ts';

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
    expect(refusal('x\uD800y', 'string')).toMatch(/broken character \(a lone UTF-16 surrogate\)/);
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

  it('shows a lone surrogate as U+FFFD, so a message is always valid text; a whole pair stays', () => {
    expect(echo('x\uD800y\uDC00')).toBe('x\uFFFDy\uFFFD');
    expect(echo('🧲')).toBe('🧲');
  });
});

describe('textProblem', () => {
  it('names a NUL first, then a lone surrogate of either half; whole pairs are fine', () => {
    expect(textProblem('a\0b\uD800')).toBe('nul');
    expect(textProblem('x\uD800')).toBe('lone-surrogate');
    expect(textProblem('\uDC00x')).toBe('lone-surrogate');
    expect(textProblem('\uDC00\uD800')).toBe('lone-surrogate'); // the halves in the wrong order
    expect(textProblem('Ré 🧲 \uD83E\uDDF2')).toBeNull();
  });
});
