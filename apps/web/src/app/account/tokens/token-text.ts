// Pure text for the token pages: placeholders filled, and the curl line that shows how to use a new token.

/** Fills `{name}` placeholders; unknown ones stay visible, like the server's translator. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A command that reads the API with the token, against the portal's own origin. The token is quoted for a POSIX
 * shell (it is base64url, so it needs none, but a pasted origin might).
 */
export function curlExample(origin: string, secret: string, path = '/api/v1/'): string {
  const url = new URL(path, origin).toString();
  return `curl -H 'Authorization: Bearer ${secret}' '${url.replaceAll("'", "'\\''")}'`;
}
