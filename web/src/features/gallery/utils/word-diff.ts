// Which prompt words one entry adds to, or lacks from, another: what a compare view highlights.
const words = (prompt: string) => prompt.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];

export interface WordDiff {
  /** This prompt's words in order, each marked when the reference lacks it. */
  tokens: { word: string; added: boolean }[];
  /** The reference's words that this prompt lacks. */
  removed: string[];
}

export function diffWords(reference: string, prompt: string): WordDiff {
  const ref = new Set(words(reference));
  const own = new Set(words(prompt));
  return {
    tokens: words(prompt).map((word) => ({ word, added: !ref.has(word) })),
    removed: [...ref].filter((w) => !own.has(w)),
  };
}
