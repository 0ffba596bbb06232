import { type ReactNode, Suspense } from 'react';
import { getT } from '@/i18n/server';

/** "Loading the data…", for a Suspense boundary inside a page (below its heading, say). */
export async function LoadingStatus() {
  const { t } = await getT();
  return (
    <p role="status" aria-live="polite">
      {t('state.loading')}
    </p>
  );
}

/** Shown in place of a whole data page while it renders on the server. */
export async function PageLoading() {
  return (
    <main id="main">
      <LoadingStatus />
    </main>
  );
}

/**
 * A data page that streams behind the loading state: the page's own Suspense boundary, in place of a loading.tsx.
 * Only for pages that never call notFound(): a boundary means the 200 is sent before the page has rendered. The
 * (portal) route group has no loading.tsx, because a boundary there would wrap the pages that look an entity up
 * (a country, an element, a scenario) as well, and an unknown one would then answer 200 instead of 404.
 */
export function streamedPage<Props extends object>(Page: (props: Props) => Promise<ReactNode>) {
  return function StreamedPage(props: Props) {
    return (
      <Suspense fallback={<PageLoading />}>
        <Page {...props} />
      </Suspense>
    );
  };
}
