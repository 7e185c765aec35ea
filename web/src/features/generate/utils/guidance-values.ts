// The values a guidance sweep runs at: shared by the planner and the form (which says them before
// Generate), in a module of its own so the form does not pull the planner into the first paint.
import type { GuidanceRange } from '@server/contract';

/** `count` values evenly spaced from min to max, both ends included, to two decimals. */
export function guidanceValues({ min, max }: GuidanceRange, count: number): number[] {
  const n = Math.max(2, count);
  return Array.from({ length: n }, (_, i) => Math.round((min + ((max - min) * i) / (n - 1)) * 100) / 100);
}
