// Runs before every page request, to set a per-request nonce-based Content-Security-Policy (lib/csp.ts; Next
// puts the nonce on its inline scripts and styles). Configuration, not authorisation: the API and server components check who may see
// what, never this file. /api/auth/*, /api/v1/*, /trpc/* and /files/* are not pages: route handlers stream them to the API
// (lib/forward-to-api.ts), so the browser talks to this origin only and session cookies stay first-party.
import { type NextRequest, NextResponse } from 'next/server';
import { serverEnv } from './env';
import { contentSecurityPolicy } from './lib/csp';
import { REQUEST_PATH_HEADER, REQUEST_QUERY_HEADER } from './lib/request-path';

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, serverEnv.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // Layouts get no pathname and not-found pages no query: admin/layout.tsx needs both to send a visitor to sign-in
  // and back to the very page, admin/diff/not-found.tsx the query to say what in a diff link is wrong.
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname);
  requestHeaders.set(REQUEST_QUERY_HEADER, request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Not the API's paths: they stream through route handlers, and the proxy would buffer their bodies. Not the
  // static map outlines (public/maps) either: a file, no page, no nonce.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|maps/|files/|trpc/|api/auth/|api/v1/).*)' }],
};
