// Text no database column can hold. PostgreSQL refuses U+0000 in text ("invalid byte sequence for encoding UTF8:
// 0x00"), and half of a UTF-16 pair without its other half (JSON can spell one, "\ud800") is not text at all:
// jsonb refuses it, and text columns silently turn it into U+FFFD, so two different inputs would store alike.

/** What is wrong with a string: a NUL character, or a broken character (a lone UTF-16 surrogate). */
export type TextProblem = 'nul' | 'lone-surrogate';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * Which problem the text has (a NUL first), or null when a database can store it as it is.
 * @example textProblem('a\u0000b') // 'nul'
 * @example textProblem('x\uD800y') // 'lone-surrogate'
 * @example textProblem('Ré 🧲') // null
 */
export function textProblem(text: string): TextProblem | null {
  if (text.includes('\0')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone-surrogate';
  return null;
}

/**
 * The text with each lone surrogate replaced by U+FFFD ("�"), so a message can quote it.
 * @example withoutLoneSurrogates('x\uD800y') // 'x\uFFFDy'
 */
export function withoutLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATES, '\uFFFD');
}
