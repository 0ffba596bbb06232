'use client';
import type { ComponentProps } from 'react';
import { ApiQueryProvider } from '@/lib/trpc-react';
import { WatchesPanel } from './watches-panel';

/** The panel with its query client: the whole lazily loaded part of the watches page. */
export default function WatchesApp(props: ComponentProps<typeof WatchesPanel>) {
  return (
    <ApiQueryProvider>
      <WatchesPanel {...props} />
    </ApiQueryProvider>
  );
}
