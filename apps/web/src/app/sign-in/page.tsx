import { Suspense } from 'react';
import { AuthForm } from '@/components/auth-form';
import { authLabels } from '@/components/auth-labels';
import { getT, titled } from '@/i18n/server';

export const generateMetadata = titled('title.signIn');

export default async function SignInPage() {
  const { t } = await getT();
  return (
    <main id="main">
      <div className="auth-card">
        <h1>{t('auth.signIn')}</h1>
        <Suspense>
          <AuthForm mode="sign-in" labels={authLabels(t, 'sign-in')} />
        </Suspense>
        <p className="hint">
          {t('auth.noAccount')} <a href="/sign-up">{t('auth.createOne')}</a>.
        </p>
      </div>
    </main>
  );
}
