import { Suspense } from 'react';
import { AuthForm } from '@/components/auth-form';
import { authLabels } from '@/components/auth-labels';
import { getT, titled } from '@/i18n/server';

export const generateMetadata = titled('title.signUp');

export default async function SignUpPage() {
  const { t } = await getT();
  return (
    <main id="main">
      <div className="auth-card">
        <h1>{t('auth.signUp')}</h1>
        <Suspense>
          <AuthForm mode="sign-up" labels={authLabels(t, 'sign-up')} />
        </Suspense>
        <p className="hint">
          {t('auth.haveOne')} <a href="/sign-in">{t('auth.signIn')}</a>.
        </p>
      </div>
    </main>
  );
}
