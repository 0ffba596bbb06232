// The token in an alert e-mail's unsubscribe link: the user's id and an HMAC-SHA256 of it under a key derived
// from the auth secret. It works without signing in (the e-mail may be read anywhere), does one thing only (turn
// alert e-mails off for that user), and is checked in constant time. Rotating the auth secret voids old links.
import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'u1';

function keyFrom(secret: string): Buffer {
  // A key of its own, so this MAC can never stand in for anything else signed with the auth secret.
  return createHmac('sha256', secret).update('ree-alert-unsubscribe').digest();
}

function mac(key: Buffer, userId: string): Buffer {
  return createHmac('sha256', key).update(`${PREFIX}.${userId}`).digest();
}

export function unsubscribeTokens(secret: string) {
  const key = keyFrom(secret);
  return {
    sign: (userId: string) =>
      `${PREFIX}.${Buffer.from(userId).toString('base64url')}.${mac(key, userId).toString('base64url')}`,
    /** The user the token was made for, or null when it was not made with this secret. */
    verify(token: string): string | null {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== PREFIX || !parts[1] || !parts[2]) return null;
      const userId = Buffer.from(parts[1], 'base64url').toString();
      const given = Buffer.from(parts[2], 'base64url');
      const expected = mac(key, userId);
      return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
    },
  };
}
