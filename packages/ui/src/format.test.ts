import { describe, expect, it } from 'vitest';
import { formatNumber, formatShare } from './format';

describe('format', () => {
  it('formats per locale', () => {
    expect(formatNumber(270000)).toBe('270,000');
    expect(formatNumber(270000, 'de')).toBe('270.000');
    expect(formatShare(0.6854)).toBe('68.5%');
  });

  it('never shows a small positive share as 0 %', () => {
    expect(formatShare(150 / 390_310)).toBe('<0.1%'); // Vietnam's 2025 mine output
    expect(formatShare(0.004, 'en', 0)).toBe('<1%');
    expect(formatShare(0.0006)).toBe('0.1%');
    expect(formatShare(0)).toBe('0%');
  });
});
