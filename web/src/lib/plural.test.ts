import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('says one in the singular and every other count in the plural', () => {
    expect(plural(1, 'image')).toBe('1 image');
    expect(plural(0, 'image')).toBe('0 images');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(plural(12000, 'image')).toBe('12,000 images');
  });
});
