'use client';
import { Button } from '@ree/ui';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { authClient } from '@/lib/auth-client';
import { type AuthErrorLabels, authErrorText } from '@/lib/auth-errors';
import { safeNextPath } from '@/lib/safe-next';

/** Sign-in and sign-up share one form; sign-up adds a name field. */
export interface AuthFormLabels {
  name: string;
  email: string;
  password: string;
  passwordHint: string;
  submit: string;
  /** Refusals by the API's code, in the visitor's language. */
  errors: AuthErrorLabels;
}

export function AuthForm({ mode, labels }: { mode: 'sign-in' | 'sign-up'; labels: AuthFormLabels }) {
  const router = useRouter();
  const next = safeNextPath(useSearchParams().get('next'));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    setPending(true);
    setError(null);
    const result =
      mode === 'sign-up'
        ? await authClient.signUp(String(form.get('name') ?? ''), email, password)
        : await authClient.signIn(email, password);
    setPending(false);
    if (result.error) {
      setError(authErrorText(result.error, labels.errors));
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate={false} aria-describedby={error ? 'form-error' : undefined}>
      {error ? (
        <p id="form-error" className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {mode === 'sign-up' ? (
        <div className="field">
          <label htmlFor="name">{labels.name}</label>
          <input id="name" name="name" autoComplete="name" required maxLength={100} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="email">{labels.email}</label>
        <input id="email" name="email" type="email" autoComplete="email" required />
      </div>
      <div className="field">
        <label htmlFor="password">{labels.password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          required
          minLength={8}
          maxLength={128}
          aria-describedby="password-hint"
        />
        <span id="password-hint" className="hint">
          {labels.passwordHint}
        </span>
      </div>
      <Button type="submit" disabled={pending}>
        {labels.submit}
      </Button>
    </form>
  );
}
