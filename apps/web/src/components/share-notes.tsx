import { formatNumber, formatShare } from '@ree/ui';
import type { Locale, Translate } from '@/i18n/translate';
import type { RouterOutputs } from '@/lib/api-types';

type Concentration = RouterOutputs['production']['concentration'];

/** What a share figure must say beside it: the stand-in that was used, if any. */
export function StandInNote({
  data,
  t,
  locale,
  testId,
}: {
  data: Concentration;
  t: Translate;
  locale: Locale;
  testId?: string;
}) {
  if (data.fallback === 'own' && data.yearUsed === data.year) return null;
  return (
    <p className="hint" data-testid={testId}>
      {t('elements.fallback', {
        material: data.material,
        used: data.materialUsed,
        year: data.yearUsed,
        quality: formatShare(data.quality, locale, 0),
      })}
    </p>
  );
}

/** …and the share no named country accounts for, with the HHI's bounds. */
export function UnallocatedNote({ data, t, locale }: { data: Concentration; t: Translate; locale: Locale }) {
  if (data.complete) return null;
  return (
    <p className="hint">
      {t('elements.partial', {
        share: formatShare(data.unallocatedShare, locale),
        hhi: formatNumber(data.hhi, locale),
        upper: formatNumber(data.hhiUpper, locale),
      })}
    </p>
  );
}
