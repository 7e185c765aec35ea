import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest-only';

describe('latestOnly', () => {
  it('lets only the read started last apply, and none once cancelled', () => {
    const reads = latestOnly();
    const first = reads.start();
    const second = reads.start();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
    reads.cancel();
    expect(second()).toBe(false);
    expect(reads.start()()).toBe(true);
  });
});
