'use client';
// The auth calls the portal makes, as plain fetches to this origin (the web server forwards /api/auth to
// the API). Far smaller than the full better-auth client, which matters on every page's first load.
import type { AuthError } from './auth-errors';

export interface AuthResult {
  error: AuthError | null;
}

/** Retry-After in seconds (the API sends seconds, never a date), or null. */
function retryAfterSeconds(response: Response): number | null {
  const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

async function post(path: string, body: unknown): Promise<AuthResult> {
  const response = await fetch(`/api/auth/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.ok) return { error: null };
  const data = (await response.json().catch(() => null)) as {
    code?: unknown;
    message?: unknown;
    error?: unknown;
  } | null;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    error: {
      status: response.status,
      code: text(data?.code),
      message: text(data?.message) ?? text(data?.error),
      retryAfterSeconds: retryAfterSeconds(response),
    },
  };
}

export const authClient = {
  signIn: (email: string, password: string) => post('sign-in/email', { email, password }),
  /**
   * Sign-up never starts a session (so its answer is the same whether or not the e-mail is registered): the
   * portal signs in right after, with the password just chosen.
   */
  signUp: async (name: string, email: string, password: string): Promise<AuthResult> => {
    const created = await post('sign-up/email', { name, email, password });
    return created.error ? created : post('sign-in/email', { email, password });
  },
  signOut: () => post('sign-out', {}),
  changePassword: (currentPassword: string, newPassword: string) =>
    post('change-password', { currentPassword, newPassword, revokeOtherSessions: true }),
};
