// What bench:load needs from a running portal: a signed-in session, and a process's resident memory.
import { readFileSync } from 'node:fs';

/**
 * Signs in through the web origin, as a browser would; resolves with the Cookie header to send afterwards, or
 * null when sign-in is rate limited (429).
 * @param {URL} origin
 * @param {{ email: string, password: string }} credentials
 * @param {Record<string, string>} [headers]  e.g. the X-Forwarded-For of the client this session stands for
 * @returns {Promise<string | null>}
 */
export async function signIn(origin, credentials, headers = {}) {
  const response = await fetch(new URL('/api/auth/sign-in/email', origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: origin.origin, ...headers },
    body: JSON.stringify(credentials),
  });
  if (response.status === 429) return null;
  if (!response.ok) {
    throw new Error(`sign-in as ${credentials.email} failed: ${response.status} ${await response.text()}`);
  }
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/**
 * Resident memory of a process in MB (VmRSS from /proc), or null when it cannot be read.
 * @param {number | undefined} pid
 */
export function rssMegabytes(pid) {
  if (!pid) return null;
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}
