// better-auth's per-address rate limiter answers 429 before any hook runs, with an English message, no `code`, and
// its wait only in a non-standard X-Retry-After header (which the web server does not forward). The portal needs a
// code to explain the refusal in the user's language, and browsers and proxies understand Retry-After.

/** The code of a sign-in, sign-up or password change refused by the per-address rate limit. */
export const RATE_LIMITED = 'RATE_LIMITED';

type FetchHandler = (request: Request) => Promise<Response>;

/** Wraps better-auth's handler so its rate-limit answer carries `code: RATE_LIMITED` and Retry-After. */
export function withRateLimitCode(handler: FetchHandler): FetchHandler {
  return async (request) => {
    const response = await handler(request);
    const wait = response.headers.get('x-retry-after');
    // Our own 429s (an account locked after failed sign-ins) carry their code and Retry-After already.
    if (response.status !== 429 || wait === null || response.headers.has('retry-after')) return response;
    const seconds = Math.max(1, Number.parseInt(wait, 10) || 60);
    const headers = new Headers(response.headers);
    headers.set('Retry-After', String(seconds));
    headers.delete('content-length');
    return new Response(
      JSON.stringify({
        code: RATE_LIMITED,
        message: `Too many attempts from this address. Try again in ${seconds} second(s).`,
      }),
      { status: 429, statusText: response.statusText, headers },
    );
  };
}
