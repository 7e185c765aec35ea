// The form's parameters (zustand), persisted to localStorage so a reload loses nothing.
// Seed: null means "random" (the upstream picks and reports it); locked keeps it for the next run.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ImageParams, ResponseFormat } from '../../../lib/params';

export interface FormState {
  prompt: string;
  /** null until chosen: the server's default applies. */
  steps: number | null;
  seed: number | null;
  seedLocked: boolean;
  format: ResponseFormat | null;
  setPrompt(prompt: string): void;
  setSteps(steps: number): void;
  setSeed(seed: number | null): void;
  setSeedLocked(locked: boolean): void;
  setFormat(format: ResponseFormat): void;
  randomizeSeed(): void;
  /** Restores parameters (Reuse settings, a link, a dropped file); a restored seed is locked. */
  apply(params: Partial<ImageParams>): void;
  /** After a generation: unlocked, the next one is random again; locked, it keeps the seed used. */
  generated(seedUsed: number): void;
}

export const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

export const useFormStore = create<FormState>()(
  persist(
    (set) => ({
      prompt: '',
      steps: null,
      seed: null,
      seedLocked: false,
      format: null,
      setPrompt: (prompt) => set({ prompt }),
      setSteps: (steps) => set({ steps }),
      setSeed: (seed) => set({ seed }),
      setSeedLocked: (seedLocked) => set({ seedLocked }),
      setFormat: (format) => set({ format }),
      randomizeSeed: () => set({ seed: randomSeed() }),
      apply: (params) =>
        set((s) => ({
          prompt: params.prompt ?? s.prompt,
          steps: params.steps ?? s.steps,
          format: params.format ?? s.format,
          ...(params.seed !== undefined ? { seed: params.seed, seedLocked: true } : {}),
        })),
      generated: (seedUsed) => set((s) => (s.seedLocked ? { seed: seedUsed } : { seed: null })),
    }),
    {
      name: 'friendli-studio-form',
      version: 1,
      partialize: ({ prompt, steps, seed, seedLocked, format }) => ({ prompt, steps, seed, seedLocked, format }),
    },
  ),
);
