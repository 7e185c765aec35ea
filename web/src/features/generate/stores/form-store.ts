// The form's parameters (zustand), persisted to localStorage so a reload loses nothing.
// Seed: null means "random" (the upstream picks and reports it); locked keeps it for the next run.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ImageParams, ResponseFormat } from '../../../lib/params';
import type { Mode, Style } from '../utils/plan-jobs';

const MAX_RECENT = 30;

export interface FormState {
  prompt: string;
  /** null until chosen: the server's default applies. */
  steps: number | null;
  seed: number | null;
  seedLocked: boolean;
  format: ResponseFormat | null;
  mode: Mode;
  count: number;
  promptB: string;
  /** Earlier prompts, newest first; starred ones are kept however many follow. */
  recent: string[];
  starred: string[];
  /** The designer's own styles, and which styles (built-in or own) are switched on, by name. */
  customStyles: Style[];
  activeStyles: string[];
  setPrompt(prompt: string): void;
  setMode(mode: Mode): void;
  setCount(count: number): void;
  setPromptB(prompt: string): void;
  remember(prompt: string): void;
  toggleStar(prompt: string): void;
  toggleStyle(name: string): void;
  addStyle(style: Style): void;
  removeStyle(name: string): void;
  setSteps(steps: number): void;
  setSeed(seed: number | null): void;
  setSeedLocked(locked: boolean): void;
  setFormat(format: ResponseFormat): void;
  randomizeSeed(): void;
  /** Restores parameters (Reuse settings, a link, a dropped file); a restored seed is locked. */
  apply(params: Partial<ImageParams>): void;
  /** When jobs are queued: a locked seed is pinned (picked now if empty); an unlocked one is cleared. */
  submitted(seedUsed: number | undefined): void;
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
      mode: 'single',
      count: 1,
      promptB: '',
      recent: [],
      starred: [],
      customStyles: [],
      activeStyles: [],
      setPrompt: (prompt) => set({ prompt }),
      setMode: (mode) => set({ mode }),
      setCount: (count) => set({ count }),
      setPromptB: (promptB) => set({ promptB }),
      remember: (prompt) =>
        set((s) => {
          const recent = [prompt, ...s.recent.filter((p) => p !== prompt)];
          // Drop the oldest unstarred prompts beyond the limit; starred ones stay.
          while (recent.length > MAX_RECENT) {
            const i = recent.findLastIndex((p) => !s.starred.includes(p));
            if (i < 0) break;
            recent.splice(i, 1);
          }
          return { recent };
        }),
      toggleStar: (prompt) => set((s) => ({ starred: s.starred.includes(prompt) ? s.starred.filter((p) => p !== prompt) : [...s.starred, prompt] })),
      toggleStyle: (name) => set((s) => ({ activeStyles: s.activeStyles.includes(name) ? s.activeStyles.filter((n) => n !== name) : [...s.activeStyles, name] })),
      addStyle: (style) => set((s) => ({ customStyles: [...s.customStyles.filter((c) => c.name !== style.name), style] })),
      removeStyle: (name) => set((s) => ({ customStyles: s.customStyles.filter((c) => c.name !== name), activeStyles: s.activeStyles.filter((n) => n !== name) })),
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
      submitted: (seedUsed) => set((s) => (s.seedLocked ? { seed: seedUsed ?? s.seed } : { seed: null })),
    }),
    {
      name: 'friendli-studio-form',
      version: 1,
      partialize: ({ prompt, steps, seed, seedLocked, format, mode, count, promptB, recent, starred, customStyles, activeStyles }) => ({
        prompt, steps, seed, seedLocked, format, mode, count, promptB, recent, starred, customStyles, activeStyles,
      }),
    },
  ),
);
