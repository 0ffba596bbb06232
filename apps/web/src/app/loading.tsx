import { getT } from '@/i18n/server';

/** Shown while a data page renders on the server. */
export default async function Loading() {
  const { t } = await getT();
  return (
    <main id="main">
      <p role="status" aria-live="polite">
        {t('state.loading')}
      </p>
    </main>
  );
}
