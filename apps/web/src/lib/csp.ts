// The Content-Security-Policy of every page (set per request by proxy.ts, with a fresh nonce).
// Scripts and <style> elements need the nonce: Next puts it on its own inline scripts and styles, so an injected
// <script> or <style> does nothing. Style *attributes* stay allowed (style-src-attr): React renders `style={}`
// as an attribute on the server (the world map, the charts' sizes), and an attribute cannot load anything the
// other directives forbid (img-src, font-src stay 'self').
// Development only: Next's dev server evaluates code and injects <style> tags without a nonce.

export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // A nonce makes browsers ignore 'unsafe-inline', so development gets 'unsafe-inline' alone.
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
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
