// Text a database cannot store, refused as bad input before any handler sees it. PostgreSQL cannot store U+0000
// in text ("invalid byte sequence for encoding UTF8: 0x00"), and a lone UTF-16 surrogate (JSON can spell one,
// "\ud800") made jsonb answer "invalid input syntax for type json" — both turned into a 500 — while a text column
// silently stored it as U+FFFD, so two different inputs (passwords among them) became one.
import { echo, type TextProblem, textProblem } from '@ree/domain';

/** Where the first bad string (value or key) is, e.g. `filters.search`, and what is wrong with it. */
export interface TextProblemAt {
  path: string;
  problem: TextProblem;
}

/** The first string (value or key) in `value` a database cannot store; null when there is none. */
export function textProblemAt(value: unknown): TextProblemAt | null {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const pending: Array<[unknown, string]> = [[value, '']];
  while (pending.length) {
    const [current, at] = pending.pop() as [unknown, string];
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { path: at || '(input)', problem };
    } else if (Array.isArray(current)) {
      for (const [i, item] of current.entries()) pending.push([item, `${at}[${i}]`]);
    } else if (current instanceof Map) {
      for (const [k, v] of current) pending.push([k, at], [v, at ? `${at}.${String(k)}` : String(k)]);
    } else if (current instanceof Set) {
      for (const item of current) pending.push([item, at]);
    } else if (current !== null && typeof current === 'object') {
      for (const [k, v] of Object.entries(current)) {
        const key = at ? `${at}.${k}` : k;
        const problem = textProblem(k);
        if (problem) return { path: key, problem };
        pending.push([v, key]);
      }
    }
  }
  return null;
}

const WHAT: Record<TextProblem, string> = {
  nul: 'a NUL character (\\0)',
  'lone-surrogate': 'a broken character (a lone UTF-16 surrogate)',
};

/** The message for a refusal; the path is echoed (cut short, its own bad characters made visible). */
export function textProblemMessage({ path, problem }: TextProblemAt): string {
  return `"${echo(path)}" contains ${WHAT[problem]}, which cannot be stored. Remove it and try again.`;
}

/** The stable code better-auth answers carry, so the portal can say it in the user's language. */
export const TEXT_PROBLEM_CODE: Record<TextProblem, 'NUL_BYTE' | 'BROKEN_CHARACTER'> = {
  nul: 'NUL_BYTE',
  'lone-surrogate': 'BROKEN_CHARACTER',
};
