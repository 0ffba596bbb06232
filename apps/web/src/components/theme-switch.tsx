'use client';
import { useState } from 'react';
import { THEME_COOKIE, THEMES, type Theme, themeAttribute, themeCookie } from '@/lib/theme';

export type ThemeLabels = Record<Theme, string> & { legend: string };

/**
 * Light / dark / system as a radio group. The choice goes into a cookie (read by the root layout, so the next page
 * is served in it) and onto `<html data-theme>` at once, so nothing reloads.
 */
export function ThemeSwitch({ theme, labels }: { theme: Theme; labels: ThemeLabels }) {
  const [current, setCurrent] = useState(theme);
  function choose(next: Theme) {
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and Safari
    document.cookie = themeCookie(next);
    const attribute = themeAttribute(next);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
    setCurrent(next);
  }
  return (
    <fieldset className="theme-switch">
      <legend className="visually-hidden">{labels.legend}</legend>
      {THEMES.map((option) => (
        <label key={option}>
          <input
            type="radio"
            name={THEME_COOKIE}
            value={option}
            checked={current === option}
            onChange={() => choose(option)}
          />
          <span>{labels[option]}</span>
        </label>
      ))}
    </fieldset>
  );
}
