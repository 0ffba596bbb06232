// Request guards and response headers shared by every route of the API server.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers on every answer (ASVS 3.4.x). The API serves only JSON, so its CSP allows nothing at all. */
export function setSecurityHeaders(res: ServerResponse, production: boolean): void {
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  if (production) res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
}

export type GuardFailure = { status: number; message: string };

/**
 * State-changing requests (anything but GET/HEAD/OPTIONS) must be JSON from one of our own origins
 * (ASVS 3.5.1–3.5.3). tRPC would also accept form and octet-stream bodies, which a cross-site form can send
 * without a CORS preflight; better-auth reads cookies on POST too.
 */
export function checkMutationRequest(
  req: IncomingMessage,
  trustedOrigins: readonly string[],
  contentType: 'application/json' | 'application/octet-stream' = 'application/json',
): GuardFailure | null {
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
  const origin = req.headers.origin;
  if (!origin || !trustedOrigins.includes(origin)) {
    return {
      status: 403,
      message: 'Requests that change data must come from the portal itself (Origin not allowed).',
    };
  }
  const sent = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (sent !== contentType) {
    return { status: 415, message: `Requests that change data here must be sent as ${contentType}.` };
  }
  return null;
}

/** Refuses bodies over the limit before reading them, when the client declares the length (ASVS 5.2.1). */
export function checkDeclaredBodySize(req: IncomingMessage, maxBytes: number): GuardFailure | null {
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > maxBytes) return { status: 413, message: `Request body too large (limit ${maxBytes} bytes).` };
  return null;
}

/**
 * The header by which the web server proves it is the web server. Being on loopback proves nothing: any local
 * process can connect from 127.0.0.1 and name whatever X-Forwarded-For it likes.
 */
export const PROXY_SECRET_HEADER = 'x-ree-proxy-secret';

function sentBy(req: IncomingMessage, proxySecret: string | undefined): boolean {
  const sent = req.headers[PROXY_SECRET_HEADER];
  if (!proxySecret || typeof sent !== 'string') return false;
  const expected = Buffer.from(proxySecret);
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The client's address, which sign-in rate limits and the audit log's "where" use. The web server sets
 * X-Forwarded-For from the browser's socket and sends the shared proxy secret with it; only then is the header's
 * last entry believed. Anyone else (a local process, a browser reaching the API directly) is known by the socket.
 */
export function clientIp(req: IncomingMessage, proxySecret: string | undefined): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers['x-forwarded-for'];
  if (typeof forwarded === 'string' && forwarded.trim() && sentBy(req, proxySecret)) {
    return forwarded.split(',').at(-1)?.trim() || peer;
  }
  return peer;
}
