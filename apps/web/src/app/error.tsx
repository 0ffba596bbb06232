'use client';

/** Says what happened when a page fails, and offers to try again. Internal details stay in the server log. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const ja = typeof document !== 'undefined' && document.documentElement.lang === 'ja';
  return (
    <main id="main">
      <h1>{ja ? '表示できませんでした' : 'This page could not be shown'}</h1>
      <p role="alert">
        {ja ? 'データを読み込めませんでした。' : 'The data could not be loaded.'}
        {error.digest ? ` (ref ${error.digest})` : ''}
      </p>
      <button type="button" className="ree-button ree-button--primary" onClick={reset}>
        {ja ? '再試行' : 'Try again'}
      </button>
    </main>
  );
}
