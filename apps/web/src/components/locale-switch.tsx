'use client';
import { useRouter } from 'next/navigation';
import { LOCALE_COOKIE, type Locale } from '@/i18n/translate';

/** Switches the language: a cookie (one year, this site only), then the page re-renders on the server. */
export function LocaleSwitch({ locale, label }: { locale: Locale; label: string }) {
  const router = useRouter();
  return (
    <label className="locale-switch">
      <span className="visually-hidden">{label}</span>
      <select
        value={locale}
        onChange={(event) => {
          // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and Safari
          document.cookie = `${LOCALE_COOKIE}=${event.target.value}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="ja" lang="ja">
          日本語
        </option>
      </select>
    </label>
  );
}
