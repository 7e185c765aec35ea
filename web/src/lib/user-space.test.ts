import { describe, expect, it } from 'vitest';
import { readUserSpace, spaced } from './user-space';

describe('user space', () => {
  it('keeps the names the studio always used without accounts', () => {
    expect(readUserSpace('')).toBe('');
    expect(spaced('friendli-studio-images', '')).toBe('friendli-studio-images');
  });

  it('names every store within the signed-in user’s space', () => {
    const space = readUserSpace('theme=dark; studio_space=Abc_123-xyz; other=1');
    expect(space).toBe('Abc_123-xyz');
    expect(spaced('friendli-studio-images', space)).toBe('friendli-studio-images@Abc_123-xyz');
    expect(spaced('friendli-studio-images', 'another')).not.toBe(spaced('friendli-studio-images', space));
  });

  it('ignores a cookie value that is not a space name', () => {
    expect(readUserSpace('studio_space=../../etc')).toBe('');
    expect(readUserSpace('xstudio_space=abc')).toBe('');
  });
});
