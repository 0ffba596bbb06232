'use client';
// What every admin page runs inside: TanStack Query over tRPC, and the status line its actions speak through.
import type { ReactNode } from 'react';
import { ApiQueryProvider } from '@/lib/trpc-react';
import { FeedbackProvider } from './feedback';

export function AdminFeedbackProvider({ children }: { children: ReactNode }) {
  return (
    <ApiQueryProvider>
      <FeedbackProvider>{children}</FeedbackProvider>
    </ApiQueryProvider>
  );
}
