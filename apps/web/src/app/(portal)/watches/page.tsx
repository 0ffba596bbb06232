import { ElementSymbol, Material, Stage } from '@ree/domain';
import { streamedPage } from '@/components/page-loading';
import { LazyWatches } from '@/components/watches/lazy-watches';
import { localName } from '@/i18n/names';
import { getT, titled } from '@/i18n/server';
import { messagesWithPrefix, translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';

export const generateMetadata = titled('title.watches');

/** The analyst's watches (thresholds, new export controls) and the alerts that published versions raised. */
async function WatchesPage() {
  await requireUser('/watches');
  const { t, locale } = await getT();
  const api = await serverApi();
  const [watches, alerts, settings, countries] = await Promise.all([
    api.watches.list.query(),
    api.watches.notifications.query({}),
    api.watches.settings.query(),
    api.reference.countries.query({}),
  ]);
  // The lists come from the domain's own enums, here on the server, so the client bundle does not carry them.
  const options = {
    materials: Material.options,
    stages: Stage.options.map((s) => ({ value: s, name: translateValue(t, 'stage', s) })),
    elements: ElementSymbol.options,
    countries: countries.items
      .filter((c) => c.iso3 !== 'WLD' && c.iso3 !== 'ROW')
      .map((c) => ({ iso3: c.iso3, name: localName(locale, 'country', c.iso3, c.name) })),
  };
  return (
    <main id="main">
      <h1>{t('watches.title')}</h1>
      <p>{t('watches.intro')}</p>
      <LazyWatches
        initial={{ watches, alerts, settings }}
        labels={messagesWithPrefix(locale, 'watches.')}
        locale={locale}
        options={options}
      />
    </main>
  );
}

export default streamedPage(WatchesPage);
