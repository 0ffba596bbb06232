// What the browser hears when its request cannot be served — the API is down or silent, or the web server is
// too busy: a status that says so (502, 503 or 504, never a bare 500) and a body that says what happened, in the form the caller reads: tRPC's error shape for /trpc (so the page
// shows the message), JSON for fetches, a short page for a browser navigating (an export link).
import superjson from 'superjson';

/** 429: the API refused this visitor (too many of their requests at once); the others: no answer to be had. */
export type UnavailableStatus = 429 | 502 | 503 | 504;

export interface Unavailable {
  status: UnavailableStatus;
  message: string;
  /** Seconds after which trying again is worth it (sent as Retry-After). */
  retryAfter?: number;
}

/** The failure a connection error or a time-out on the hop to the API stands for. */
export function apiFailureFrom(error: unknown): Unavailable {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof ApiTimeoutError) {
    return { status: 504, message: error.message, retryAfter: 5 };
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      status: 503,
      message: 'The portal’s data service is not running. Try again in a minute.',
      retryAfter: 30,
    };
  }
  return { status: 502, message: 'The portal’s data service broke off its answer. Try again.' };
}

/**
 * The API refused a call for now (it sheds load: 503 when busy, 429 when one visitor holds too many requests),
 * or null when `status` is not such a refusal. The API's Retry-After is kept, so the browser hears it too.
 */
export function apiRefusalFrom(status: number, retryAfter: string | null): Unavailable | null {
  if (status !== 503 && status !== 429) return null;
  const seconds = Number(retryAfter);
  return {
    status,
    message:
      status === 503
        ? 'The portal is busy right now. Try again in a moment.'
        : 'Too many of your requests at once. Wait for some to finish, then try again.',
    retryAfter: Number.isInteger(seconds) && seconds > 0 ? seconds : 1,
  };
}

/** The API stayed silent for longer than the hop allows. */
export class ApiTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(
      `The portal’s data service did not answer within ${Math.round(timeoutMs / 1000)} s. Try again later.`,
    );
    this.name = 'ApiTimeoutError';
  }
}

/** The answer to send for `failure`, shaped for a request to `pathname` (with `search`) that accepts `accept`. */
export function unavailableAnswer(
  failure: Unavailable,
  pathname: string,
  search: string,
  accept: string | null,
): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (failure.retryAfter) headers['retry-after'] = String(failure.retryAfter);
  if (pathname.startsWith('/trpc/')) {
    headers['content-type'] = 'application/json; charset=utf-8';
    return { headers, body: JSON.stringify(trpcErrorBody(failure, pathname, search)) };
  }
  if (accept?.includes('text/html')) {
    headers['content-type'] = 'text/html; charset=utf-8';
    return { headers, body: failurePage(failure) };
  }
  headers['content-type'] = 'application/json; charset=utf-8';
  return { headers, body: JSON.stringify({ error: failure.message, message: failure.message }) };
}

const TRPC_CODES: Record<UnavailableStatus, string> = {
  429: 'TOO_MANY_REQUESTS',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/** tRPC's own error envelope (superjson-encoded, as our links expect): one per call when the request is a batch. */
function trpcErrorBody(failure: Unavailable, pathname: string, search: string) {
  const procedures = decodedOrAsIs(pathname.slice('/trpc/'.length)).split(',');
  const one = {
    error: superjson.serialize({
      message: failure.message,
      code: -32603,
      data: { code: TRPC_CODES[failure.status], httpStatus: failure.status },
    }),
  };
  return new URLSearchParams(search).get('batch') === '1' ? procedures.map(() => one) : one;
}

/** A malformed escape (`/trpc/%zz`) must not turn a 503 into an exception: the web server sheds outside Next. */
function decodedOrAsIs(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function failurePage(failure: Unavailable): string {
  const title = failure.status === 429 ? 'Too many requests' : 'Service unavailable';
  const text = failure.message.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><main><h1>${title}</h1><p>${text}</p><p><a href="/">Back to the portal</a></p></main></html>`;
}
