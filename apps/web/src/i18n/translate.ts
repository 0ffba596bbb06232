import { en, type MessageKey, type Messages } from './en';
import { ja } from './ja';

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = 'ree-locale';

const MESSAGES: Record<Locale, Messages> = { en, ja };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one locale: `t('auth.signedInAs', { name })`. Unknown placeholders stay visible. */
export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** Translates a value from the data (a stage, a band, a status) when the dictionary knows it; else shows it as is. */
export function translateValue(
  t: Translate,
  prefix:
    | 'stage'
    | 'band'
    | 'status'
    | 'facilityStatus'
    | 'euStage'
    | 'score.method'
    | 'capacityKind'
    | 'claimPart'
    | 'claimAssessment'
    | 'endUse'
    | 'sector'
    | 'policyKind'
    | 'partnerRole'
    | 'investmentType'
    | 'eventType'
    | 'scoreInput',
  value: string,
): string {
  const key = `${prefix}.${value}` as MessageKey;
  return key in en ? t(key) : value;
}

/** All strings whose key starts with `prefix`, for a client component that needs a whole group of them. */
export function messagesWithPrefix(locale: Locale, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(MESSAGES[locale]).filter(([key]) => key.startsWith(prefix)));
}
