import { describe, expect, it } from 'vitest';
import { parseTheme, THEME_COOKIE, themeAttribute, themeCookie } from './theme';

describe('parseTheme', () => {
  it('keeps a theme the visitor picked', () => {
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('system')).toBe('system');
  });

  it('follows the system for a missing or unknown value', () => {
    for (const value of [undefined, '', 'Dark', 'dark ', 'sepia', '__proto__', 'toString', 1, null]) {
      expect(parseTheme(value)).toBe('system');
    }
  });
});

describe('themeAttribute', () => {
  it('names a picked theme and leaves `system` to the media query', () => {
    expect(themeAttribute('light')).toBe('light');
    expect(themeAttribute('dark')).toBe('dark');
    expect(themeAttribute('system')).toBeUndefined();
  });
});

describe('themeCookie', () => {
  it('is read back as the same theme', () => {
    for (const theme of ['light', 'dark', 'system'] as const) {
      const [pair] = themeCookie(theme).split(';');
      const [name, value] = (pair ?? '').split('=');
      expect(name).toBe(THEME_COOKIE);
      expect(parseTheme(value)).toBe(theme);
    }
  });

  it('lasts a year on the whole site and stays on same-site requests', () => {
    expect(themeCookie('dark')).toBe('ree-theme=dark; path=/; max-age=31536000; samesite=lax');
  });
});
