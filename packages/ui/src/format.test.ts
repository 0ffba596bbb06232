import { describe, expect, it } from 'vitest';
import { formatNumber, formatShare } from './format';

describe('format', () => {
  it('formats per locale', () => {
    expect(formatNumber(270000)).toBe('270,000');
    expect(formatNumber(270000, 'de')).toBe('270.000');
    expect(formatShare(0.6854)).toBe('68.5%');
  });
});
