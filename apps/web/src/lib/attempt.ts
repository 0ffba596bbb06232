import { TRPCClientError } from '@trpc/client';
import { notFound } from 'next/navigation';

export type Attempt<T> =
  | { ok: true; data: T }
  /** `notFound`: the API answered NOT_FOUND; `badRequest`: BAD_REQUEST (the input, a link say, is wrong). */
  | { ok: false; message: string; notFound: boolean; badRequest: boolean };

/** Runs an API call for one figure, so one failing figure shows its own error instead of breaking the page. */
export async function attempt<T>(call: Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, data: await call };
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return {
        ok: false,
        message: error.message,
        notFound: error.data?.code === 'NOT_FOUND',
        badRequest: error.data?.code === 'BAD_REQUEST',
      };
    }
    throw error;
  }
}

/**
 * What a page shows first, or the page's own answer when it cannot: a wrong link (NOT_FOUND, BAD_REQUEST) is a 404;
 * anything else (the API shed the call, timed out, failed) is thrown, so the answer is the error page with the
 * API's 503/504 status (web-server.ts), not a "page not found" that would tell the visitor the link is wrong.
 */
export function foundOrThrow<T>(result: Attempt<T>): T {
  if (result.ok) return result.data;
  if (result.notFound || result.badRequest) notFound();
  throw new Error(result.message);
}
