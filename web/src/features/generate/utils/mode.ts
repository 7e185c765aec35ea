// What Generate makes: one image or a batch, a steps sweep, a seed sweep, a guidance sweep or a
// prompt A/B; and how many images a batch or a seed or guidance sweep may hold.
export type Mode = 'single' | 'steps' | 'seeds' | 'guidance' | 'ab';
export const MAX_COUNT = 8;
