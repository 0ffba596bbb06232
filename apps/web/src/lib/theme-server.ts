import 'server-only';
import { cookies } from 'next/headers';
import { parseTheme, THEME_COOKIE, type Theme } from './theme';

/** The visitor's theme from their cookie (`system` when they never picked one). */
export async function getTheme(): Promise<Theme> {
  return parseTheme((await cookies()).get(THEME_COOKIE)?.value);
}
