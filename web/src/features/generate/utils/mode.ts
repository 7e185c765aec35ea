// What Generate makes: one image or a batch, a steps sweep, a seed sweep, or a prompt A/B; and how
// many images a batch or seed sweep may hold.
export type Mode = 'single' | 'steps' | 'seeds' | 'ab';
export const MAX_COUNT = 8;
