import type { Translate } from '@/i18n/translate';

/** The words every Figure needs, in the visitor's language. */
export function figureLabels(t: Translate) {
  return { sources: t('figure.sources'), version: t('figure.version'), showData: t('figure.showData') };
}
