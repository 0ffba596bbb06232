// What the Japanese sweep counts as untranslated: English words left in the interface. Data values that are Latin in
// Japanese too (numbers, units, element symbols, ISO codes, acronyms such as REE or CSV, NdPr) do not count; proper
// names, source titles and code are marked in the markup (translate="no", lang="en", <code>) and never reach here.

/** Words of three or more letters with a lower-case letter, such as "mining" or "Japan"; acronyms and symbols pass. */
const WORD = /[A-Za-z][A-Za-z'’]*/g;

/** Chemistry written in mixed case, and key names, which Japanese writes the same way. */
const LATIN_IN_JAPANESE = new Set(['NdPr', 'NdFeB', 'SmCo', 'DyTb', 'PrNd', 'Ctrl']);

function isEnglishWord(word: string): boolean {
  if (word.length < 3) return false; // element symbols (Dy), units (t, kt), "vs"
  if (!/[a-z]/.test(word)) return false; // acronyms and codes: REE, CHN, CSV, HREE
  return !LATIN_IN_JAPANESE.has(word);
}

/** File names (metadata.json) and paths (/account/tokens): literal in every language. */
const LITERAL = /(?<![\w/])(?:\/[\w./-]+|[\w-]+\.(?:json|csv|zip|txt|md|png))/g;

/** The English words in one piece of interface text, in order, each once. */
export function englishWords(text: string): string[] {
  const words = text.replace(LITERAL, ' ').match(WORD) ?? [];
  return [...new Set(words.filter(isEnglishWord))];
}
