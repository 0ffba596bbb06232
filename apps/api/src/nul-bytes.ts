// PostgreSQL cannot store U+0000 in text ("invalid byte sequence for encoding UTF8: 0x00"), so a NUL byte in any
// string that reaches the database turned into a 500. Requests are searched for one first and refused as bad input.

/** Where the first string (value or key) holding a NUL is, e.g. `filters.search`; null when there is none. */
export function nulBytePath(value: unknown): string | null {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const pending: Array<[unknown, string]> = [[value, '']];
  while (pending.length) {
    const [current, at] = pending.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return at || '(input)';
    } else if (Array.isArray(current)) {
      for (const [i, item] of current.entries()) pending.push([item, `${at}[${i}]`]);
    } else if (current instanceof Map) {
      for (const [k, v] of current) pending.push([k, at], [v, at ? `${at}.${String(k)}` : String(k)]);
    } else if (current instanceof Set) {
      for (const item of current) pending.push([item, at]);
    } else if (current !== null && typeof current === 'object') {
      for (const [k, v] of Object.entries(current)) {
        const key = at ? `${at}.${k}` : k;
        if (k.includes('\u0000')) return key;
        pending.push([v, key]);
      }
    }
  }
  return null;
}

export function nulByteMessage(path: string): string {
  return `"${path}" contains a NUL character (\\0), which cannot be stored. Remove it and try again.`;
}
