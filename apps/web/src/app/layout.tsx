import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import { getLocale } from '@/i18n/server';
import { currentUser } from '@/lib/api-server';
import { releaseRenderOnAbort } from '@/lib/render-abort-reason';
import { themeAttribute } from '@/lib/theme';
import { getTheme } from '@/lib/theme-server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'REE Resilience', template: '%s · REE Resilience' },
  description: 'How resilient is a rare-earth supply chain, and what would a disruption do to it?',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Lets the render be collected once React is done with it, aborted or not (src/lib/render-abort-reason.ts).
  releaseRenderOnAbort();
  // Reading the request makes every page dynamic, which the per-request CSP nonce (src/proxy.ts) needs.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const [locale, theme, user] = await Promise.all([getLocale(), getTheme(), currentUser()]);
  // A picked theme is on <html> from the first byte (the cookie is read here), so the first paint is right with no
  // script; with none, the stylesheet's prefers-color-scheme rule decides.
  return (
    <html lang={locale} nonce={nonce} data-theme={themeAttribute(theme)}>
      <body>
        <a className="skip-link" href="#main">
          {locale === 'ja' ? '本文へ移動' : 'Skip to content'}
        </a>
        <SiteHeader signedIn={user !== null} admin={user?.role === 'admin'} />
        {children}
      </body>
    </html>
  );
}
