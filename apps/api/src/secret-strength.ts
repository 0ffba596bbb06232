// One strength check for the secrets an operator configures (BETTER_AUTH_SECRET, PROXY_SECRET). Counting distinct
// characters (or per-character Shannon entropy) alone took "qwertyuiopasdfghjklzxcvbnm123456" for random: every
// letter differs. Here each character costs what a guesser who tries the obvious next step first would pay for it:
// little when it repeats, continues a run (abc, 321, qwe, 1qa, the way a finger moves) or extends something already
// typed (k8#Qk8#Q…), a full draw from its character classes otherwise. No dictionary: a secret is generated, not
// chosen, and the message says how.

const MIN_LENGTH = 32;
/**
 * What the estimate must reach. Random secrets score about their true strength less a little (each accidental
 * neighbour costs less): 32 random hex digits (128 bits) ≈ 120, below 90 about once in a million;
 * `openssl rand -base64 48` ≈ 340. Keyboard walks, alphabets and repeated units score under 85.
 */
const MIN_ESTIMATED_BITS = 90;
const DEFAULT_SECRETS = [/^development-only-secret-/, /^better-auth-secret-/, /change.?me/i, /^secret/i];
/** Words people put in a secret they make up; 64 random base64 characters hold one about once in 10 million. */
const MADE_UP = /password|passwd|secret|letmein/i;
export const GENERATE_SECRET_HINT = 'openssl rand -base64 48';

/** Rows and columns of a US keyboard, unshifted and shifted: a walk along either is a run. */
const KEY_ROWS = ['1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./'];
const SHIFTED_ROWS = ['!@#$%^&*()_+', 'QWERTYUIOP{}|', 'ASDFGHJKL:"', 'ZXCVBNM<>?'];
const KEY_POSITION = new Map<string, [number, number]>();
for (const rows of [KEY_ROWS, SHIFTED_ROWS]) {
  for (const [row, keys] of rows.entries()) {
    for (const [column, key] of [...keys].entries()) KEY_POSITION.set(key, [row, column]);
  }
}

/** How one character follows the previous one, when it follows it in an obvious way ("+1", "key 0,1" …). */
function stepBetween(previous: string, current: string): string | null {
  const delta = (current.codePointAt(0) ?? 0) - (previous.codePointAt(0) ?? 0);
  if (Math.abs(delta) <= 1) return `code ${delta}`;
  const from = KEY_POSITION.get(previous.toLowerCase()) ?? KEY_POSITION.get(previous);
  const to = KEY_POSITION.get(current.toLowerCase()) ?? KEY_POSITION.get(current);
  if (!from || !to) return null;
  const [rows, columns] = [to[0] - from[0], to[1] - from[1]];
  return Math.abs(rows) <= 1 && Math.abs(columns) <= 1 ? `key ${rows},${columns}` : null;
}

/**
 * log2 of the alphabet the secret's characters are drawn from: the classes it uses (26 lower, 26 upper, 10 digits,
 * 33 symbols), but no more than the distinct characters it has, rounded up to a power of two (hex has 16, not 36).
 */
function bitsPerDraw(chars: readonly string[]): number {
  const classes: Array<[RegExp, number]> = [
    [/[a-z]/, 26],
    [/[A-Z]/, 26],
    [/[0-9]/, 10],
    [/[^a-zA-Z0-9]/, 33],
  ];
  const byClass = classes.reduce((n, [re, size]) => n + (chars.some((c) => re.test(c)) ? size : 0), 0);
  const distinct = 2 ** Math.ceil(Math.log2(new Set(chars).size));
  return Math.log2(Math.max(2, Math.min(byClass, distinct)));
}

/** A guesser's estimate of the secret's strength in bits (see the top of this file). */
export function estimatedSecretBits(secret: string): number {
  const chars = [...secret];
  const full = bitsPerDraw(chars);
  const step = (from: number, to: number) => {
    const [a, b] = [chars[from], chars[to]];
    return from < 0 || a === undefined || b === undefined ? null : stepBetween(a, b);
  };
  const seen = new Set<string>();
  let bits = 0;
  for (const i of chars.keys()) {
    const here = step(i - 1, i);
    // The same step as the one before ("abc", "qwe"), or as two back in an interleaved walk ("q1w2e3").
    const run =
      (here !== null && here === step(i - 2, i - 1)) ||
      (step(i - 2, i) !== null && step(i - 2, i) === step(i - 4, i - 2));
    // The four characters ending here occurred before: this one is what followed its three predecessors then.
    const window = chars.slice(Math.max(0, i - 3), i + 1).join('');
    const repeats = i >= 3 && seen.has(window);
    seen.add(window);
    // Predictable: about a bit. A neighbour of the last character: one of about eight. Otherwise: a full draw.
    bits += run || repeats ? 1 : here !== null ? Math.min(3, full) : full;
  }
  return bits;
}

/** Why a secret is too weak for production, or null. */
export function weakSecretProblem(secret: string): string | null {
  const chars = [...secret];
  if (chars.length < MIN_LENGTH)
    return `it has ${chars.length} characters; at least ${MIN_LENGTH} are needed`;
  if (DEFAULT_SECRETS.some((pattern) => pattern.test(secret))) return 'it is a well-known default';
  if (MADE_UP.test(secret)) return 'it was made up, not generated (it holds a word such as "secret")';
  if (estimatedSecretBits(secret) < MIN_ESTIMATED_BITS)
    return 'it is too regular to be random (repeats, sequences or keyboard runs)';
  return null;
}

/** The start-up error for a weak configured secret: which variable, why, and how to make a good one. */
export function weakSecretMessage(variable: string, problem: string): string {
  return `${variable} is refused in production: ${problem}. Generate one with '${GENERATE_SECRET_HINT}'.`;
}
