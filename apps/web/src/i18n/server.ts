import 'server-only';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { MessageKey } from './en';
import { isLocale, LOCALE_COOKIE, type Locale, translator } from './translate';

/** The visitor's locale from their cookie (English by default). */
export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : 'en';
}

export async function getT() {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}

/** A page's `generateMetadata` whose title is in the visitor's language: `export const generateMetadata = titled('title.x')`. */
export function titled(key: MessageKey) {
  return async (): Promise<Metadata> => ({ title: (await getT()).t(key) });
}
