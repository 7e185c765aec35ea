import { describe, expect, it } from 'vitest';
import { rowAt } from './use-window-rows';

// Rows of heights 36 (a header), 200, 200, 36, 200: starts 0, 36, 236, 436, 472, end 672.
const starts = Float64Array.from([0, 36, 236, 436, 472, 672]);

describe('rowAt', () => {
  it('finds the row under a point, counting a row as ending where the next begins', () => {
    expect(rowAt(starts, 5, 0)).toBe(0);
    expect(rowAt(starts, 5, 35.5)).toBe(0);
    expect(rowAt(starts, 5, 36)).toBe(1);
    expect(rowAt(starts, 5, 300)).toBe(2);
    expect(rowAt(starts, 5, 471)).toBe(3);
    expect(rowAt(starts, 5, 600)).toBe(4);
  });

  it('clamps above and below the list', () => {
    expect(rowAt(starts, 5, -500)).toBe(0);
    expect(rowAt(starts, 5, 10_000)).toBe(5);
    expect(rowAt(new Float64Array(1), 0, 100)).toBe(0);
  });

  it('agrees with a linear scan over many rows', () => {
    const heights = Array.from({ length: 2000 }, (_, i) => (i % 7 === 0 ? 36 : 274));
    const s = new Float64Array(heights.length + 1);
    heights.forEach((h, i) => (s[i + 1] = s[i]! + h));
    for (let y = -10; y < s[heights.length]! + 10; y += 97) {
      const linear = heights.findIndex((_, i) => s[i + 1]! > y);
      expect(rowAt(s, heights.length, y)).toBe(linear === -1 ? heights.length : linear);
    }
  });
});
