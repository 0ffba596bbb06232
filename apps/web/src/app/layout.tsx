import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'REE Resilience', template: '%s · REE Resilience' },
  description: 'How resilient is a rare-earth supply chain, and what would a disruption do to it?',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, which the per-request CSP nonce (src/proxy.ts) needs.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" nonce={nonce}>
      <body>
        <header className="site-header">
          <a className="site-header__brand" href="/dashboard">
            REE Resilience
          </a>
        </header>
        {children}
      </body>
    </html>
  );
}
