import { TRPCClientError } from '@trpc/client';

export type Attempt<T> = { ok: true; data: T } | { ok: false; message: string; notFound: boolean };

/** Runs an API call for one figure, so one failing figure shows its own error instead of breaking the page. */
export async function attempt<T>(call: Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, data: await call };
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return { ok: false, message: error.message, notFound: error.data?.code === 'NOT_FOUND' };
    }
    throw error;
  }
}
