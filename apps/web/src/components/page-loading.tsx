import { getT } from '@/i18n/server';

/** Shown while a data page renders on the server (each loading.tsx that wants it exports this). */
export async function PageLoading() {
  const { t } = await getT();
  return (
    <main id="main">
      <p role="status" aria-live="polite">
        {t('state.loading')}
      </p>
    </main>
  );
}
