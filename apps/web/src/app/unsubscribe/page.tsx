import type { Metadata } from 'next';
import { getT } from '@/i18n/server';
import { ApiQueryProvider } from '@/lib/trpc-react';
import { UnsubscribeButton } from './unsubscribe-button';

export const metadata: Metadata = { title: 'Stop alert e-mails', robots: { index: false } };

/**
 * Where an alert e-mail's unsubscribe link leads: no sign-in needed (the signed token says whose e-mails). A
 * button, not the visit itself, turns them off, so a mail scanner that opens links changes nothing.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { t } = await getT();
  const { token } = await searchParams;
  return (
    <main id="main">
      <h1>{t('unsubscribe.title')}</h1>
      <p>{t('unsubscribe.intro')}</p>
      {token ? (
        <ApiQueryProvider>
          <UnsubscribeButton
            token={token}
            labels={{ confirm: t('unsubscribe.confirm'), done: t('unsubscribe.done') }}
          />
        </ApiQueryProvider>
      ) : (
        <p role="alert">{t('unsubscribe.missing')}</p>
      )}
      <p>
        <a href="/watches">{t('unsubscribe.manage')}</a>
      </p>
    </main>
  );
}
