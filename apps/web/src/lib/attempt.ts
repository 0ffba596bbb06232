import { TRPCClientError } from '@trpc/client';

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
