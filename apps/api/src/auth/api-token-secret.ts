// The secret of a personal API token: `ree_` + 32 random bytes in base64url (43 characters). Only its SHA-256 is
// stored: with 256 bits of entropy nobody can search the hash space, so a slow password hash would only cost every
// request time (ASVS 6.4.1 asks for slow hashes for passwords, which people choose; these are not chosen).
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_SCHEME = 'ree_';
const SECRET_BYTES = 32;
/** Characters of the secret shown in lists (scheme included), so the owner can tell tokens apart. */
const PREFIX_LENGTH = TOKEN_SCHEME.length + 8;
const TOKEN_SHAPE = /^ree_[A-Za-z0-9_-]{43}$/;

export interface NewTokenSecret {
  /** Shown to the owner once; never stored. */
  secret: string;
  prefix: string;
  secretHash: string;
}

export const hashTokenSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function newTokenSecret(): NewTokenSecret {
  const secret = `${TOKEN_SCHEME}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, PREFIX_LENGTH), secretHash: hashTokenSecret(secret) };
}

/** What an Authorization header says: no bearer token, a well-formed token, or something that is not one. */
export type BearerHeader = { kind: 'none' } | { kind: 'token'; secret: string } | { kind: 'malformed' };

export function readBearer(header: string | undefined): BearerHeader {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!match?.[1]) return { kind: 'malformed' };
  return TOKEN_SHAPE.test(match[1]) ? { kind: 'token', secret: match[1] } : { kind: 'malformed' };
}
