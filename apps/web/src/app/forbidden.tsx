import { getT } from '@/i18n/server';

/** Shown when a signed-in user opens a page their role does not allow. */
export default async function Forbidden() {
  const { t } = await getT();
  return (
    <main id="main">
      <h1>{t('common.notAllowed')}</h1>
      <p>
        <a href="/dashboard">{t('nav.dashboard')}</a>
      </p>
    </main>
  );
}
