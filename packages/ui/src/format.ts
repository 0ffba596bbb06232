/** Formats a number for people, per locale: thousands separators, at most `digits` decimals. */
export function formatNumber(value: number, locale = 'en', digits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** Formats a fraction (0–1) as a percentage. */
export function formatShare(value: number, locale = 'en', digits = 1): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(value);
}
