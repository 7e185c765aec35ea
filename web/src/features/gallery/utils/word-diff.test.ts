import { describe, expect, it } from 'vitest';
import { diffWords } from './word-diff';

describe('diffWords', () => {
  it('gives the prompt back as written, with the words the reference lacks marked', () => {
    const { tokens, removed } = diffWords('A red fox, in the snow', 'A Blue fox, in the SNOW!');
    expect(tokens.map((t) => t.text).join('')).toBe('A Blue fox, in the SNOW!');
    expect(tokens.filter((t) => t.added).map((t) => t.text)).toEqual(['Blue']);
    expect(removed).toEqual(['red']);
  });

  it('marks nothing between prompts that differ only in case and punctuation', () => {
    const { tokens, removed } = diffWords('a fox; at dusk', 'A Fox, at Dusk');
    expect(tokens.some((t) => t.added)).toBe(false);
    expect(removed).toEqual([]);
  });
});
