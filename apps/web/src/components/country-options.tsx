import { localName } from '@/i18n/names';
import type { Locale } from '@/i18n/translate';

/** The <option>s of a country picker: every country in the data, without the world and "other countries" rows. */
export function CountryOptions({
  countries,
  locale,
}: {
  countries: readonly { iso3: string; name: string }[];
  locale: Locale;
}) {
  return (
    <>
      {countries
        .filter((c) => c.iso3 !== 'WLD' && c.iso3 !== 'ROW')
        .map((c) => (
          <option key={c.iso3} value={c.iso3}>
            {localName(locale, 'country', c.iso3, c.name)}
          </option>
        ))}
    </>
  );
}
