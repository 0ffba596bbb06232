import type { Translate } from '@/i18n/translate';
import { translateValue } from '@/i18n/translate';

/** The words every Figure needs, in the visitor's language. */
export function figureLabels(t: Translate) {
  return {
    sources: t('figure.sources'),
    version: t('figure.version'),
    // The placeholder stays for Figure to fill with the version's day.
    published: t('figure.published', { date: '{date}' }),
    showData: t('figure.showData'),
    stale: t('figure.stale'),
  };
}

/** A figure's data status as a badge: verified, estimated or unverified, in words. */
export function figureStatus(t: Translate, value: 'verified' | 'estimated' | 'unverified') {
  return { value, label: t('figure.status', { status: translateValue(t, 'status', value) }) };
}
