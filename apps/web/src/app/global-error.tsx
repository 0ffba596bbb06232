'use client';
// Shown when the root layout itself fails, which happens when the API cannot answer who the visitor is: the
// portal's data service is down or busy (the web server then sends this page as 503 with Retry-After).
import './globals.css';

export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body>
        <main id="main">
          <h1>The portal is unavailable</h1>
          <p role="alert">
            Its data service did not answer, so nothing can be shown right now. Please try again in a minute.
            {error.digest ? ` (ref ${error.digest})` : ''}
          </p>
          <p lang="ja">データサービスが応答していません。しばらくしてから再試行してください。</p>
          <button type="button" className="ree-button ree-button--primary" onClick={reset}>
            Try again · 再試行
          </button>
        </main>
      </body>
    </html>
  );
}
