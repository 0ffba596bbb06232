// The visitor's colour theme: light, dark, or whatever the system prefers. Kept in a cookie so the server renders
// the first paint in the right theme (no script, no flash); `system` leaves the choice to the CSS media query.

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = 'ree-theme';

/** A theme from a cookie's value; anything else (missing, damaged, an old value) means "follow the system". */
export function parseTheme(value: unknown): Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value)
    ? (value as Theme)
    : 'system';
}

/**
 * The value of `<html data-theme>`: the picked theme, or none for `system`, so styles.css's
 * `prefers-color-scheme` rule decides.
 */
export function themeAttribute(theme: Theme): 'light' | 'dark' | undefined {
  return theme === 'system' ? undefined : theme;
}

/** The Set-Cookie text for a choice: one year, the whole site, not sent on cross-site requests. */
export function themeCookie(theme: Theme): string {
  return `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}
