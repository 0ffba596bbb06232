import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '@/components/change-password-form';
import { getT, titled } from '@/i18n/server';
import { currentUser } from '@/lib/api-server';
import { authErrorLabels } from '@/lib/auth-errors';

export const generateMetadata = titled('title.password');

export default async function ChangePasswordPage() {
  // Not requireUser: it sends users with a pending forced reset here, and this page must not send them on.
  const user = await currentUser();
  if (!user) redirect('/sign-in?next=%2Faccount%2Fpassword');
  const { t } = await getT();
  return (
    <main id="main">
      <h1>{t('account.password')}</h1>
      {user.mustChangePassword ? <p role="status">{t('account.passwordForced')}</p> : null}
      <ChangePasswordForm
        labels={{
          current: t('account.current'),
          next: t('account.new'),
          change: t('account.change'),
          changed: t('account.changed'),
          errors: authErrorLabels(t),
        }}
      />
    </main>
  );
}
