import { DataTable, formatNumber } from '@ree/ui';
import { Ident } from '@/components/latin';
import { streamedPage } from '@/components/page-loading';
import { PortalLink } from '@/components/portal-link';
import { localName } from '@/i18n/names';
import { getT, titled } from '@/i18n/server';
import { requireUser, serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';

export const generateMetadata = titled('title.countries');

async function CountriesPage() {
  await requireUser('/countries');
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const countries = await api.reference.countries.query({ asOf });
  return (
    <main id="main">
      <h1>{t('countries.title')}</h1>
      <div className="ree-table-wrap">
        <DataTable
          caption={
            <>
              {t('countries.title')} · {t('figure.version')}: <Ident>{countries.datasetVersion.label}</Ident>
            </>
          }
          rowKey={(c) => c.iso3}
          rows={countries.items.filter((c) => c.iso3 !== 'WLD' && c.iso3 !== 'ROW')}
          columns={[
            {
              header: t('col.country'),
              cell: (c) => (
                <PortalLink href={`/countries/${c.iso3}`}>
                  {localName(locale, 'country', c.iso3, c.name)}
                </PortalLink>
              ),
            },
            { header: 'ISO3', cell: (c) => c.iso3 },
            {
              header: t('countries.governance'),
              cell: (c) => (c.governance ? formatNumber(c.governance.wgi, locale, 2) : '–'),
              numeric: true,
            },
          ]}
        />
      </div>
    </main>
  );
}

export default streamedPage(CountriesPage);
