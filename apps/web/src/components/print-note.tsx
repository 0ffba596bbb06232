// What a printed page says about itself (shown on paper only, see print.css): where it came from, which dataset
// version its figures are from, and when it was printed — the screen shows these elsewhere on the page.
import type { Locale, Translate } from '@/i18n/translate';

export function PrintNote({
  path,
  datasetVersion,
  locale,
  t,
}: {
  path: string;
  datasetVersion: string;
  locale: Locale;
  t: Translate;
}) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date());
  return (
    <p className="print-only hint" data-testid="print-note">
      {t('print.note', { path, version: datasetVersion, date })}
    </p>
  );
}
