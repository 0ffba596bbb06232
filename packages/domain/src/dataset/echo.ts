// How a value from an uploaded file is quoted back in a message: cut short, with a NUL shown as "␀" and a lone
// UTF-16 surrogate as "�", so a report never repeats megabytes of someone's file, nor a character a database
// column cannot hold.
import { withoutLoneSurrogates } from './text-problem.ts';

/** An echoed value is cut to this many characters (the last one "…"). */
export const MAX_ECHO_CHARS = 200;

/** A list in a message names this many items, then "and N more". */
export const MAX_ECHO_ITEMS = 10;

/**
 * The value as a message may show it: at most MAX_ECHO_CHARS characters, NUL bytes as "␀", lone surrogates as "�".
 * @example echo('x'.repeat(5000)).length // 200, ending in "…"
 */
export function echo(value: string): string {
  const visible = withoutLoneSurrogates(value.replaceAll('\0', '␀'));
  if (visible.length <= MAX_ECHO_CHARS) return visible;
  let cut = visible.slice(0, MAX_ECHO_CHARS - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1); // never half a character
  return `${cut}…`;
}

/**
 * Several values, each echoed, joined with ", "; past MAX_ECHO_ITEMS, a count of the rest.
 * @example echoList(['a', 'b']) // 'a, b'
 */
export function echoList(values: readonly string[], total = values.length): string {
  const shown = values.slice(0, MAX_ECHO_ITEMS).map(echo).join(', ');
  return total > MAX_ECHO_ITEMS ? `${shown} and ${total - MAX_ECHO_ITEMS} more` : shown;
}
