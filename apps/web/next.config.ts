import type { NextConfig } from 'next';
import { serverEnv } from './src/env.ts';

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  transpilePackages: ['@ree/ui'],
  typedRoutes: false,
  experimental: {
    // forbidden() for the admin pages' "not allowed" page.
    authInterrupts: true,
  },
  async headers() {
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    ];
    if (serverEnv.PUBLIC_ORIGIN.startsWith('https:')) {
      common.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
    }
    return [
      { source: '/:path*', headers: common },
      // The base map's file name carries its content hash (scripts/build-world-map.mjs): it never changes. It is
      // outside proxy.ts (no page, no nonce), so it gets a CSP of its own: opened directly, it may load nothing.
      {
        source: '/maps/:file*',
        headers: [
          { key: 'Cache-Control', value: 'public, max-age=31536000, immutable' },
          { key: 'Content-Security-Policy', value: "default-src 'none'" },
        ],
      },
    ];
  },
};

export default config;
