'use client';
// The editor (with the domain package and charts) loads after the page, keeping first-load JavaScript small.
import dynamic from 'next/dynamic';

export const LazyScenarioEditor = dynamic(() => import('./editor'), {
  ssr: false,
  loading: () => <p role="status">…</p>,
});
