import type { Metadata } from 'next';
import { getT } from '@/i18n/server';

export const metadata: Metadata = { title: 'Page not found' };

/**
 * Shown for any address with no page (and for notFound()). Replaces Next's built-in page, whose inline <style>
 * carries no nonce and so breaks the strict CSP (style-src 'self' 'nonce-…').
 */
export default async function NotFound() {
  const { t } = await getT();
  return (
    <main id="main">
      <h1>{t('common.notFound')}</h1>
      <p>{t('common.notFoundText')}</p>
      <p>
        <a href="/dashboard">{t('nav.dashboard')}</a>
      </p>
    </main>
  );
}
