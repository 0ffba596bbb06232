// Who the client is, as the API should hear it. Next keeps an X-Forwarded-For that the browser sent itself, and
// the API keys sign-in rate limits and the audit log's "where" on that header's last entry: left alone, a client
// could name any address it likes. The web server (server.ts) therefore sets the header itself.

/**
 * The X-Forwarded-For to pass on: the peer's address, unless the peer is a reverse proxy we trust, whose chain
 * (ending with the address it saw) is kept.
 */
export function forwardedFor(
  peer: string | undefined,
  received: string | string[] | undefined,
  trustedProxies: readonly string[],
): string {
  const address = peer ?? 'unknown';
  const chain = Array.isArray(received) ? received.join(', ') : received;
  if (chain?.trim() && trustedProxies.includes(address)) return chain;
  return address;
}

/** TRUSTED_PROXIES: comma-separated addresses of reverse proxies in front of the web server. */
export function trustedProxiesFrom(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
