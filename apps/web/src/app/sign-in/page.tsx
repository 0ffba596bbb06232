import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuthForm } from '@/components/auth-form';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage() {
  return (
    <main id="main">
      <div className="auth-card">
        <h1>Sign in</h1>
        <Suspense>
          <AuthForm mode="sign-in" />
        </Suspense>
        <p className="hint">
          No account yet? <a href="/sign-up">Create one</a>.
        </p>
      </div>
    </main>
  );
}
