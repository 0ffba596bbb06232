import { DataTable, formatNumber } from '@ree/ui';
import type { Metadata } from 'next';
import { streamedPage } from '@/components/page-loading';
import { getT } from '@/i18n/server';
import { requireUser, serverApi } from '@/lib/api-server';

export const metadata: Metadata = { title: 'Countries' };

async function CountriesPage() {
  await requireUser('/countries');
  const { t, locale } = await getT();
  const api = await serverApi();
  const countries = await api.reference.countries.query({});
  return (
    <main id="main">
      <h1>{t('countries.title')}</h1>
      <div className="ree-table-wrap">
        <DataTable
          caption={`${t('countries.title')} · ${t('figure.version')}: ${countries.datasetVersion.label}`}
          rowKey={(c) => c.iso3}
          rows={countries.items.filter((c) => c.iso3 !== 'WLD' && c.iso3 !== 'ROW')}
          columns={[
            { header: t('col.country'), cell: (c) => <a href={`/countries/${c.iso3}`}>{c.name}</a> },
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
