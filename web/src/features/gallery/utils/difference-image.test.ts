// The difference view's pixel loop: brightened per-channel difference, opaque, changed pixels counted.
import { describe, expect, it } from 'vitest';
import { diffPixels } from './difference-image';

describe('diffPixels', () => {
  it('writes |a − b| × 4 (capped), full alpha, and counts pixels with any channel changed', () => {
    const a = new Uint8ClampedArray([10, 20, 30, 255, 0, 0, 0, 255, 5, 5, 5, 0]);
    const b = new Uint8ClampedArray([10, 20, 30, 0, 100, 0, 1, 255, 5, 5, 5, 255]);
    const out = new Uint8ClampedArray(a.length);
    expect(diffPixels(a, b, out)).toBe(1);
    expect([...out]).toEqual([0, 0, 0, 255, 255, 0, 4, 255, 0, 0, 0, 255]);
  });
});
