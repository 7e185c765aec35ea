// Why the plot being set up cannot run (null: it can): the plot group says it, Generate waits for it.
import { create } from 'zustand';

export const usePlotCheckStore = create<{ error: string | null }>()(() => ({ error: null }));
