// Which prompt words one entry adds to, or lacks from, another: what a compare view highlights.
// Words are compared ignoring case; the prompt is returned as written, punctuation and all.
const WORD = /[\p{L}\p{N}'’-]+/gu;
const words = (prompt: string) => prompt.match(WORD) ?? [];

export interface WordDiff {
  /** The prompt as written, in pieces: each word marked when the reference lacks it; the text between words as is. */
  tokens: { text: string; added: boolean }[];
  /** The reference's words (as written there) that this prompt lacks. */
  removed: string[];
}

export function diffWords(reference: string, prompt: string): WordDiff {
  const ref = new Set(words(reference).map((w) => w.toLowerCase()));
  const own = new Set(words(prompt).map((w) => w.toLowerCase()));
  const tokens: WordDiff['tokens'] = [];
  let last = 0;
  for (const match of prompt.matchAll(WORD)) {
    if (match.index > last) tokens.push({ text: prompt.slice(last, match.index), added: false });
    tokens.push({ text: match[0], added: !ref.has(match[0].toLowerCase()) });
    last = match.index + match[0].length;
  }
  if (last < prompt.length) tokens.push({ text: prompt.slice(last), added: false });
  const removed: string[] = [];
  const seen = new Set<string>();
  for (const w of words(reference)) {
    const key = w.toLowerCase();
    if (!own.has(key) && !seen.has(key)) {
      seen.add(key);
      removed.push(w);
    }
  }
  return { tokens, removed };
}
