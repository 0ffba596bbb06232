'use client';
// Changing one's password (better-auth's change-password, forwarded to the API). Other sessions end with it.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { authClient } from '@/lib/auth-client';
import { type AuthErrorLabels, authErrorText } from '@/lib/auth-errors';

export function ChangePasswordForm({
  labels,
}: {
  labels: { current: string; next: string; change: string; changed: string; errors: AuthErrorLabels };
}) {
  const router = useRouter();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  return (
    <form
      className="auth-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        const result = await authClient.changePassword(current, next);
        if (result.error) {
          setError(authErrorText(result.error, labels.errors));
          return;
        }
        setDone(true);
        router.push('/dashboard');
        router.refresh();
      }}
    >
      <label>
        {labels.current}
        <input
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </label>
      <label>
        {labels.next}
        <input
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={128}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? <p role="status">{labels.changed}</p> : null}
      <button type="submit" className="ree-button ree-button--primary">
        {labels.change}
      </button>
    </form>
  );
}
