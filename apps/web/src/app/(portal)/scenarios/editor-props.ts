import 'server-only';
import { figureLabels } from '@/components/figure-labels';
import { getT } from '@/i18n/server';
import { messagesWithPrefix } from '@/i18n/translate';
import { serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';

/**
 * What every editor page passes: facilities to pick outages from, and the lab's and its figure's words in the
 * visitor's language.
 */
export async function editorContext() {
  const { locale, t } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const facilities = await api.supply.facilities.query({ pageSize: 100, asOf });
  return {
    locale,
    labels: messagesWithPrefix(locale, 'scenario.'),
    figureLabels: figureLabels(t),
    facilities: facilities.items.map((f) => ({
      id: f.id,
      name: f.name,
      country: f.country,
      capacityPerYear: f.capacityPerYear,
    })),
  };
}
