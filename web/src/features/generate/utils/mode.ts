// What Generate makes: one image or a batch, a steps sweep, a seed sweep, a guidance sweep, a
// prompt A/B or an X/Y/Z plot; and how many images a batch or a seed or guidance sweep may hold.
import type { GuidanceRange } from '@server/contract';

export type Mode = 'single' | 'steps' | 'seeds' | 'guidance' | 'ab' | 'plot';
export const MAX_COUNT = 8;

/** The mode in effect: a guidance sweep on an endpoint that takes no guidance is one image or a batch. */
export const effectiveMode = (mode: Mode, guidanceRange: GuidanceRange | false): Mode => (mode === 'guidance' && !guidanceRange ? 'single' : mode);
