'use client';
// An admin action through TanStack Query: on success the page is rendered again from the server and the status line
// says what happened; on failure the alert says why. Pending state comes with it, so buttons can wait.
import { type UseMutationOptions, useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useFeedback } from './feedback';

export function useAdminMutation<TData, TError extends { message: string }, TVariables, TContext>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
  /** The status line once it worked. */
  success: string | ((data: TData) => string),
  /** Anything else to do once it worked (before the page is read again). */
  then?: (data: TData) => void,
) {
  const router = useRouter();
  const feedback = useFeedback();
  return useMutation({
    ...options,
    onSuccess: (data) => {
      then?.(data);
      feedback.done(typeof success === 'string' ? success : success(data));
      router.refresh();
    },
    onError: (error) => {
      feedback.failed(error.message);
      router.refresh();
    },
  });
}
