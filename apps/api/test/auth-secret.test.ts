// Finding 2 of issue #12: the session secret is never derived from anything guessable. Without
// BETTER_AUTH_SECRET a random one is generated on first start and kept in the data directory (0600); a weak or
// default secret is refused in production on both databases.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AUTH_SECRET_FILE } from '../src/auth/secret.ts';
import { loadEnv } from '../src/env.ts';
import { weakSecretProblem } from '../src/secret-strength.ts';

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), 'ree-secret-'));
  scratch.push(parent);
  return path.join(parent, 'data');
}

const POSTGRES = 'postgresql://ree@127.0.0.1:5432/ree';
const STRONG = 'Zx8cQ2vLr9TfK4mWp7YbN3sHj6GdA5uE1oIq0RkV';

describe('session secret on the embedded database', () => {
  it('a production start without a secret creates <data dir>/auth-secret (0600, 32+ random bytes) and reuses it', async () => {
    const dir = await dataDir();
    const first = loadEnv({ NODE_ENV: 'production', REE_DATA_DIR: dir });
    const file = path.join(dir, AUTH_SECRET_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.authSecret);
    expect(Buffer.from(first.authSecret, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(first.authSecret).not.toContain(dir);
    expect(weakSecretProblem(first.authSecret)).toBeNull();
    // The second start uses the stored secret: sessions survive a restart.
    expect(loadEnv({ NODE_ENV: 'production', REE_DATA_DIR: dir }).authSecret).toBe(first.authSecret);
  });

  it('two data directories get different secrets', async () => {
    const a = loadEnv({ NODE_ENV: 'production', REE_DATA_DIR: await dataDir() });
    const b = loadEnv({ NODE_ENV: 'production', REE_DATA_DIR: await dataDir() });
    expect(a.authSecret).not.toBe(b.authSecret);
  });

  it('development and test generate and store one too, never derive it', async () => {
    for (const NODE_ENV of ['development', 'test']) {
      const dir = await dataDir();
      const env = loadEnv({ NODE_ENV, REE_DATA_DIR: dir });
      expect(env.authSecret).not.toMatch(/development-only-secret/);
      expect((await readFile(path.join(dir, AUTH_SECRET_FILE), 'utf8')).trim()).toBe(env.authSecret);
    }
  });

  it('refuses a stored secret file that other users can read', async () => {
    const dir = await dataDir();
    loadEnv({ NODE_ENV: 'production', REE_DATA_DIR: dir });
    const { chmod } = await import('node:fs/promises');
    await chmod(path.join(dir, AUTH_SECRET_FILE), 0o644);
    expect(() => loadEnv({ NODE_ENV: 'production', REE_DATA_DIR: dir })).toThrow(/readable by other users/);
  });
});

describe('weak or default secrets are refused in production (both databases)', () => {
  const weak = {
    short: 'too-short-a-secret',
    'the old derived one': 'development-only-secret-/srv/ree/.data'.padEnd(32, '.'),
    "better-auth's default": 'better-auth-secret-12345678901234567890',
    "'a' × 32": 'a'.repeat(32),
    'low entropy': 'abababababababababababababababab',
    // Every character differs, so counting distinct characters took these for random.
    'a keyboard run': 'qwertyuiopasdfghjklzxcvbnm123456',
    'a keyboard walk down the columns': '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,',
    'the alphabet and the digits': 'abcdefghijklmnopqrstuvwxyz0123456789',
    'a short random unit, repeated': 'k8#Qk8#Qk8#Qk8#Qk8#Qk8#Qk8#Qk8#Q',
    'a made-up sentence': 'ThisIsMySuperSecretPasswordForBetterAuth2024!',
  };
  for (const [label, secret] of Object.entries(weak)) {
    it(`refuses ${label}`, async () => {
      const dir = await dataDir();
      expect(weakSecretProblem(secret)).not.toBeNull();
      for (const DATABASE_URL of [undefined, POSTGRES]) {
        const source = {
          NODE_ENV: 'production',
          REE_DATA_DIR: dir,
          BETTER_AUTH_SECRET: secret,
          DATABASE_URL,
        };
        // A short one already fails the schema; the others get the strength check's message.
        const refusal =
          label === 'short'
            ? /BETTER_AUTH_SECRET/
            : /^BETTER_AUTH_SECRET is refused in production: .*Generate one with 'openssl rand -base64 48'\.$/;
        expect(() => loadEnv(source)).toThrow(refusal);
      }
    });
  }

  it('accepts what a generator makes: openssl rand -base64 48 or -hex 16, 32 random bytes', () => {
    for (let i = 0; i < 200; i++) {
      for (const secret of [
        randomBytes(48).toString('base64'),
        randomBytes(16).toString('hex'),
        randomBytes(32).toString('base64url'),
      ]) {
        expect([secret, weakSecretProblem(secret)]).toEqual([secret, null]);
      }
    }
  });

  it('accepts a strong one on both, and still requires one on PostgreSQL', async () => {
    const dir = await dataDir();
    for (const DATABASE_URL of [undefined, POSTGRES]) {
      const env = loadEnv({
        NODE_ENV: 'production',
        REE_DATA_DIR: dir,
        BETTER_AUTH_SECRET: STRONG,
        DATABASE_URL,
      });
      expect(env.authSecret).toBe(STRONG);
    }
    expect(() => loadEnv({ NODE_ENV: 'production', REE_DATA_DIR: dir, DATABASE_URL: POSTGRES })).toThrow(
      /BETTER_AUTH_SECRET .*required in production with PostgreSQL/,
    );
  });
});
