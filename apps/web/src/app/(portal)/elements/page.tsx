import { DataTable } from '@ree/ui';
import { Ident } from '@/components/latin';
import { streamedPage } from '@/components/page-loading';
import { localName } from '@/i18n/names';
import { getT, titled } from '@/i18n/server';
import { requireUser, serverApi } from '@/lib/api-server';
import { withAsOf } from '@/lib/as-of';
import { viewedAsOf } from '@/lib/as-of-server';

export const generateMetadata = titled('title.elements');

async function ElementsPage() {
  await requireUser('/elements');
  const { t, locale } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const elements = await api.reference.elements.query({ asOf });
  return (
    <main id="main">
      <h1>{t('elements.title')}</h1>
      <p>
        {['REE', 'NdPr', 'LREE', 'HREE'].map((m, i) => (
          <span key={m}>
            {i > 0 ? ' · ' : ''}
            <a href={withAsOf(`/elements/${m}`, asOf)}>{m}</a>
          </span>
        ))}
      </p>
      <div className="ree-table-wrap">
        <DataTable
          caption={
            <>
              {t('elements.title')} · {t('figure.version')}: <Ident>{elements.datasetVersion.label}</Ident>
            </>
          }
          rowKey={(e) => e.symbol}
          rows={elements.items}
          columns={[
            { header: 'Z', cell: (e) => e.atomicNumber, numeric: true },
            {
              header: t('col.material'),
              cell: (e) => (
                <a href={withAsOf(`/elements/${e.symbol}`, asOf)}>
                  {`${e.symbol} — ${localName(locale, 'material', e.symbol, e.name)}`}
                </a>
              ),
            },
            { header: t('elements.group'), cell: (e) => e.group },
            {
              header: t('elements.uses'),
              cell: (e) => e.uses.map((u) => localName(locale, 'use', u)).join(t('list.separator')) || '–',
            },
          ]}
        />
      </div>
    </main>
  );
}

export default streamedPage(ElementsPage);
