// The lab's words and numbers: labels come from the server in the visitor's language, numbers are rounded for
// people in the visitor's locale.
import { formatNumber } from '@ree/ui';

export type Labels = Record<string, string>;
/** A label with its `{placeholders}` filled in; a missing key shows as itself, so it is noticed. */
export type Say = (key: string, params?: Record<string, string | number>) => string;

export function sayWith(labels: Labels): Say {
  return (key, params = {}) =>
    (labels[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** A number for people (at most `digits` decimals), or an en dash when there is none. */
export function fmt(value: number | null | undefined, locale: string, digits = 1): string {
  return value === null || value === undefined ? '–' : formatNumber(value, locale, digits);
}
