import { DataTable } from '@ree/ui';
import { Ident } from '@/components/latin';
import { streamedPage } from '@/components/page-loading';
import { getT, titled } from '@/i18n/server';
import { translateValue } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { viewedAsOf } from '@/lib/as-of-server';

export const generateMetadata = titled('title.claims');

/**
 * The seed article's tables and statements, kept as what the article says — as reported, not independently
 * verified — each beside what the data and its sources say. None of them is counted in any figure.
 */
async function ClaimsPage() {
  await requireUser('/claims');
  const { t } = await getT();
  const [api, asOf] = await Promise.all([serverApi(), viewedAsOf()]);
  const claims = await api.reference.claims.query({ asOf });
  return (
    <main id="main">
      <h1>{t('claims.title')}</h1>
      <p>{t('claims.intro')}</p>
      <div className="ree-table-wrap">
        <DataTable
          caption={
            <>
              {t('claims.title')} · {t('figure.version')}: <Ident>{claims.datasetVersion.label}</Ident>
            </>
          }
          rowKey={(c) => c.id}
          rows={claims.items}
          columns={[
            { header: t('claims.part'), cell: (c) => translateValue(t, 'claimPart', c.part) },
            {
              header: t('claims.claim'),
              cell: (c) => (
                <span lang="en">
                  “{c.claim}”{' '}
                  <span className="ree-badge ree-badge--unverified">{t('claims.asReported')}</span>
                </span>
              ),
            },
            {
              header: t('claims.assessment'),
              cell: (c) => translateValue(t, 'claimAssessment', c.assessment),
            },
            { header: t('claims.finding'), cell: (c) => <span lang="en">{c.finding}</span> },
            {
              header: t('claims.related'),
              // Record ids of the facilities, partnerships and policies the finding refers to (their tables list them).
              cell: (c) => (c.related.length === 0 ? '–' : <code>{c.related.join(', ')}</code>),
            },
          ]}
        />
      </div>
    </main>
  );
}

export default streamedPage(ClaimsPage);
