/** Formats a number for people, per locale: thousands separators, at most `digits` decimals. */
export function formatNumber(value: number, locale = 'en', digits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/**
 * Formats a fraction (0–1) as a percentage. A share too small to show at `digits` is "<0.1%", never "0%": a small
 * producer is not no producer.
 */
export function formatShare(value: number, locale = 'en', digits = 1): string {
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits });
  const smallest = 10 ** -(digits + 2);
  if (value > 0 && value < smallest / 2) return `<${format.format(smallest)}`;
  return format.format(value);
}
