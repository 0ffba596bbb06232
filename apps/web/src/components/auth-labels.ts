import type { Translate } from '@/i18n/translate';
import { authErrorLabels } from '@/lib/auth-errors';
import type { AuthFormLabels } from './auth-form';

export function authLabels(t: Translate, mode: 'sign-in' | 'sign-up'): AuthFormLabels {
  return {
    name: t('auth.name'),
    email: t('auth.email'),
    password: t('auth.password'),
    passwordHint: t('auth.passwordHint'),
    submit: mode === 'sign-up' ? t('auth.signUp') : t('auth.signIn'),
    errors: authErrorLabels(t),
  };
}
