// Runs before every page request, to set a per-request nonce-based Content-Security-Policy (Next's inline
// scripts carry the nonce). Configuration, not authorisation: the API and server components check who may see
// what, never this file. /api/auth/*, /trpc/* and /files/* are not pages: route handlers stream them to the API
// (lib/forward-to-api.ts), so the browser talks to this origin only and session cookies stay first-party.
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
  // Not the API's paths: they stream through route handlers, and the proxy would buffer their bodies.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|files/|trpc/|api/auth/).*)' }],
};
