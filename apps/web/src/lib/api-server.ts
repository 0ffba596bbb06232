// tRPC from server components: calls the API with the visitor's cookies, so the API decides what they may see.
import 'server-only';
import type { AppRouter } from '@ree/api/router';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import superjson from 'superjson';
import { serverEnv } from '@/env';
import { noteApiFailure } from './request-failures';
import { ApiTimeoutError, apiFailureFrom, apiRefusalFrom } from './unavailable';

/** The API could not answer a server component's call: down, broken off, or silent past API_TIMEOUT_MS. */
export class ApiUnavailableError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiUnavailableError';
  }
}

/**
 * fetch with the hop's time-out, and errors that say what happened instead of "fetch failed". An API that sheds
 * the call (503/429) is noted too: the page it fails then goes out as that status with Retry-After, not 500.
 */
export async function fetchFromApi(url: string | URL | Request, init?: RequestInit): Promise<Response> {
  const timeoutMs = serverEnv.API_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      ...init,
      signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
    });
    const refusal = apiRefusalFrom(response.status, response.headers.get('retry-after'));
    if (refusal) noteApiFailure(refusal);
    return response;
  } catch (error) {
    const cause = timeout.aborted ? new ApiTimeoutError(timeoutMs) : ((error as Error).cause ?? error);
    const failure = apiFailureFrom(cause);
    noteApiFailure(failure);
    throw new ApiUnavailableError(failure.message, failure.status);
  }
}

export async function serverApi() {
  const cookieHeader = (await cookies()).toString();
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${serverEnv.API_URL}/trpc`,
        transformer: superjson,
        fetch: fetchFromApi,
        headers: () => ({ cookie: cookieHeader, origin: serverEnv.PUBLIC_ORIGIN }),
      }),
    ],
  });
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED';
}

/**
 * The signed-in user, or null. Memoised for the request: the layout and the page both ask, the API is asked once.
 */
export const currentUser = cache(async () => {
  const api = await serverApi();
  try {
    return await api.me.get.query();
  } catch (error) {
    if (isUnauthorized(error)) return null;
    throw error;
  }
});

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string) {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  // An admin forced a password reset: nothing else until a new password is chosen (the API refuses it anyway).
  if (user.mustChangePassword) redirect('/account/password');
  return user;
}

/** Admin pages: a signed-in non-admin gets the "not allowed" page (the API refuses them anyway). */
export async function requireAdmin(returnTo: string) {
  const user = await requireUser(returnTo);
  if (user.role !== 'admin') forbidden();
  return user;
}
