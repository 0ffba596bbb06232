// Password rules (ASVS 6.2.1, 6.2.4, 6.2.9): 8–128 characters, any characters allowed, and not a commonly used
// password. The list is the head of the well-known breach-frequency lists, kept to passwords of 8+ characters
// since shorter ones are refused anyway.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const COMMON_PASSWORDS = new Set(
  `12345678 123456789 1234567890 password password1 password123 passw0rd qwertyuiop qwerty123 qwerty12345
  11111111 00000000 88888888 12341234 87654321 123123123 1q2w3e4r 1q2w3e4r5t 1qaz2wsx zaq12wsx qazwsxedc
  iloveyou sunshine princess football baseball welcome1 welcome123 letmein1 trustno1 superman batman123
  abc12345 abcd1234 admin123 administrator changeme changeme1 computer internet starwars whatever
  dragon123 master123 monkey123 shadow123 michael1 jennifer charlie1 jordan23 liverpool chelsea1 arsenal1
  password! p@ssw0rd p@ssword qwerty1234 asdfghjkl asdf1234 zxcvbnm1 zxcvbnm123 aa123456 a1234567 1234qwer
  qwer1234 q1w2e3r4 123qwe123 secret123 hello123 test1234 testtest 123abc123 football1 baseball1 iloveyou1
  sunshine1 princess1 michelle samantha jessica1 ashley12 nicole12 daniel12 matthew1 andrew12 thomas12
  rarearth rareearth ree12345 japan123 tokyo123`
    .split(/\s+/)
    .filter(Boolean),
);

/** Returns why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Password must be at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Password must be at most ${PASSWORD_MAX} characters.`;
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'This password is too common; choose another.';
  return null;
}
