import { DataText } from '@/components/latin';
import { streamedPage } from '@/components/page-loading';
import { getT, titled } from '@/i18n/server';
import { requireUser } from '@/lib/api-server';
import { versionView } from '@/lib/as-of-server';

export const generateMetadata = titled('title.downloads');

/**
 * Every published version in bulk (the API's /files/published/<id>.zip), for any signed-in analyst; the one being
 * viewed (`?asOf=`, or the current one) is marked.
 */
async function DownloadsPage() {
  await requireUser('/downloads');
  const { t } = await getT();
  const { versions, shown } = await versionView();
  return (
    <main id="main">
      <h1>{t('downloads.title')}</h1>
      <p>{t('downloads.intro')}</p>
      <ul className="downloads-list">
        {versions.map((v) => (
          <li key={v.id} data-testid={`download-${v.id}`}>
            <strong translate="no">{v.label}</strong>
            {v.isCurrent ? ` (${t('downloads.current')})` : ''}
            {v.id === shown?.id ? ` (${t('downloads.viewing')})` : ''} ·{' '}
            {t('downloads.published', { date: v.publishedAt?.toISOString().slice(0, 10) ?? '–' })}
            {v.note ? (
              <>
                {' · '}
                <DataText>{v.note}</DataText>
              </>
            ) : null}{' '}
            ·{' '}
            <a href={`/files/published/${v.id}.zip`} download>
              {t('downloads.zip')}
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}

export default streamedPage(DownloadsPage);
