import type { Translate } from '@/i18n/translate';
import { AS_OF_PARAM, withAsOf } from '@/lib/as-of';
import type { PublishedVersion, VersionView } from '@/lib/as-of-server';

function day(version: PublishedVersion): string {
  return version.publishedAt?.toISOString().slice(0, 10) ?? '–';
}

/** A version as the picker lists it: label, day published, USGS edition, and "current" on the current one. */
function optionText(t: Translate, version: PublishedVersion): string {
  const parts = [t('asOf.option', { label: version.label, date: day(version) })];
  if (version.usgsEdition) parts.push(t('asOf.usgs', { year: version.usgsEdition }));
  if (version.isCurrent) parts.push(t('asOf.current'));
  return parts.join(' · ');
}

/**
 * Under the header on every data page: which published version to show (a GET form, so it works without script
 * and from the keyboard; the current version is the empty value, so its URL stays short), and — when an older one
 * is shown — a banner that says so and links to the current version of the same page.
 */
export function VersionBar({ view, t }: { view: VersionView; t: Translate }) {
  const { versions, current, shown, path, query } = view;
  if (versions.length === 0) return null;
  const here = `${path}${query.size > 0 ? `?${query.toString()}` : ''}`;
  const older = shown && current && shown.id !== current.id ? shown : undefined;
  return (
    <section className="version-bar" aria-label={t('asOf.region')}>
      <form className="version-bar__form" method="get" action={path}>
        {[...query.entries()].map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
        <label>
          {t('asOf.label')}{' '}
          <select name={AS_OF_PARAM} defaultValue={older?.id ?? ''} data-testid="as-of-select">
            {versions.map((v) => (
              // data-latin: the version's label is a name, kept as written (tests/e2e/japanese.spec.ts).
              <option key={v.id} value={v.isCurrent ? '' : v.id} data-latin={v.label}>
                {optionText(t, v)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="ree-button">
          {t('asOf.show')}
        </button>
      </form>
      {older && current ? (
        <p className="version-bar__banner" data-testid="as-of-banner">
          {t('asOf.banner', { label: older.label, date: day(older), current: current.label })}{' '}
          <a href={withAsOf(here, undefined)}>{t('asOf.goCurrent')}</a>
        </p>
      ) : null}
    </section>
  );
}
