'use client';
// Charts are client-only and loaded after the page: the server-rendered table and text come first.
import dynamic from 'next/dynamic';

const placeholder = (height: number) =>
  function ChartLoading() {
    return <div style={{ height }} aria-hidden="true" className="chart-placeholder" />;
  };

export const LazyShareLineChart = dynamic(() => import('./share-line-chart'), {
  ssr: false,
  loading: placeholder(320),
});
export const LazyScoreBarChart = dynamic(() => import('./score-bar-chart'), {
  ssr: false,
  loading: placeholder(300),
});
export const LazySeriesChart = dynamic(() => import('./series-chart'), {
  ssr: false,
  loading: placeholder(280),
});
