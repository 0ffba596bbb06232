import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getT } from '@/i18n/server';
import { requestQueryFrom } from '@/lib/request-path';
import { diffLinkProblem } from './diff-link-problem';

export const metadata: Metadata = { title: 'Differences not found' };

/**
 * The diff page's notFound(): a 404 (no admin page is below a Suspense boundary) saying what in the link is wrong,
 * with a way back. The query comes from the proxy's header, since a not-found page gets no search parameters.
 */
export default async function DiffNotFound() {
  const { t } = await getT();
  const problem = diffLinkProblem(requestQueryFrom(await headers()));
  return (
    <main id="main">
      <h1>{t('admin.diffNotFound')}</h1>
      <p>{t(`admin.diffNotFound.${problem.kind}`)}</p>
      {problem.kind === 'damaged-cursor' ? (
        <p>
          <a href={problem.firstPage}>{t('admin.diffStart')}</a>
        </p>
      ) : null}
      <p>
        <a href="/admin">← {t('admin.versions')}</a>
      </p>
    </main>
  );
}
