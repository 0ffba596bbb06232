import 'server-only';
import { cookies } from 'next/headers';
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
