'use client';
// The auth calls the portal makes, as plain fetches to this origin (the web server forwards /api/auth to
// the API). Far smaller than the full better-auth client, which matters on every page's first load.

export interface AuthResult {
  error: { status: number; message: string | null } | null;
}

async function post(path: string, body: unknown): Promise<AuthResult> {
  const response = await fetch(`/api/auth/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.ok) return { error: null };
  const data = (await response.json().catch(() => null)) as { message?: string; error?: string } | null;
  return { error: { status: response.status, message: data?.message ?? data?.error ?? null } };
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
