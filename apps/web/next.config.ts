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
    return [{ source: '/:path*', headers: common }];
  },
};

export default config;
