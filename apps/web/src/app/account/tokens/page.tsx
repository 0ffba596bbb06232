import { serverEnv } from '@/env';
import { getT, titled } from '@/i18n/server';
import { messagesWithPrefix } from '@/i18n/translate';
import { requireUser, serverApi } from '@/lib/api-server';
import { ApiQueryProvider } from '@/lib/trpc-react';
import { TokensPanel } from './tokens-panel';

export const generateMetadata = titled('title.tokens');

/** The signed-in user's personal API tokens: create (shown once), see when each was last used, revoke. */
export default async function ApiTokensPage() {
  await requireUser('/account/tokens');
  const { t, locale } = await getT();
  const tokens = await (await serverApi()).tokens.list.query();
  return (
    <main id="main">
      <h1>{t('tokens.title')}</h1>
      <p>{t('tokens.intro')}</p>
      <p>
        <a href="/account/password">{t('tokens.passwordLink')}</a>
      </p>
      <ApiQueryProvider>
        <TokensPanel
          initial={tokens}
          labels={messagesWithPrefix(locale, 'tokens.')}
          locale={locale}
          origin={serverEnv.PUBLIC_ORIGIN}
        />
      </ApiQueryProvider>
    </main>
  );
}
