// Runs before every request. Two jobs, both configuration rather than authorisation (which the API and server
// components check, never this file):
// 1. The browser talks to this origin only: /api/auth/* is forwarded to the API server, so session cookies stay
//    first-party and need no CORS. Done here, not in next.config rewrites, because those are frozen at build
//    time and API_URL is a run-time setting. (/trpc/* and /files/* go through route handlers that stream:
//    lib/forward-to-api.ts.)
// 2. A per-request nonce-based Content-Security-Policy for pages (Next's inline scripts carry the nonce).
import { type NextRequest, NextResponse } from 'next/server';
import { serverEnv } from './env';

function contentSecurityPolicy(nonce: string): string {
  const development = serverEnv.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/api/auth/')) {
    return NextResponse.rewrite(new URL(`${pathname}${search}`, serverEnv.API_URL));
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Not /files/* and /trpc/*: they stream through route handlers, and the proxy would buffer their bodies.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|files/|trpc/).*)' }],
};
