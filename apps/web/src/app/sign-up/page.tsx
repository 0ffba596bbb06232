import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuthForm } from '@/components/auth-form';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <main id="main">
      <div className="auth-card">
        <h1>Create an account</h1>
        <Suspense>
          <AuthForm mode="sign-up" />
        </Suspense>
        <p className="hint">
          Already have one? <a href="/sign-in">Sign in</a>.
        </p>
      </div>
    </main>
  );
}
