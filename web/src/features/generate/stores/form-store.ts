// The form (zustand): its fields (form-fields.ts) and the actions that change them, persisted per tab
// (form-storage.ts) so a reload loses nothing. A stored draft is migrated and checked before use
// (form-draft.ts, by the schema module: both load beside the first paint, not in its script, so the
// draft is read back once they arrive, see hydrateForm); restoring parameters is form-restore.ts, the
// prompt history prompt-history.ts.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { randomSeed, type ControlInput, type InputRef, type ResponseFormat } from '@/lib/params';
import type { PlotAxis } from '@/lib/plot';
import type { Mode } from '@/features/generate/utils/mode';
import type { Style } from '@/features/generate/utils/styles';
import { DRAFT_DEFAULTS, DRAFT_VERSION, draftOf, type Draft } from './form-fields';
import { restored, type Restore } from './form-restore';
import { remembered, toggled } from './prompt-history';
import { tabDraftStorage } from './form-storage';
import { spaced } from '@/lib/user-space';

export { randomSeed, type Restore };
export { restorePrompt } from './form-restore';
export { DEFAULT_PLOT } from './form-fields';

export interface FormState extends Draft {
  /** Seed text that is not a valid seed (shown with a message; Generate waits), or null. Not persisted. */
  seedDraft: string | null;
  setSeedDraft(text: string | null): void;
  setPrompt(prompt: string): void;
  setMode(mode: Mode): void;
  setCount(count: number): void;
  setGuidanceCount(count: number): void;
  /** Sets (or, for Y and Z, removes with null) one axis of the plot. */
  setPlotAxis(name: 'x' | 'y' | 'z', axis: PlotAxis | null): void;
  /** Switches one value of an axis off or on again. */
  togglePlotValue(name: 'x' | 'y' | 'z', index: number): void;
  setPerCell(perCell: number): void;
  setPromptB(prompt: string): void;
  remember(prompt: string): void;
  toggleStar(prompt: string): void;
  toggleStyle(name: string): void;
  addStyle(style: Style): void;
  removeStyle(name: string): void;
  setNumInferenceSteps(steps: number): void;
  setSeed(seed: number | null): void;
  setSeedLocked(locked: boolean): void;
  setResponseFormat(format: ResponseFormat): void;
  /** A new endpoint keeps the adapter only if that endpoint has it too (checked where it is drawn). */
  setEndpoint(endpoint: string): void;
  setAdapter(adapter: string | null): void;
  /** Chooses a guidance_scale, and sends it from now on. */
  setGuidanceScale(guidance_scale: number): void;
  setModelDefaultGuidance(use: boolean): void;
  setSource(source: InputRef | null): void;
  addControl(image: InputRef): void;
  removeControl(index: number): void;
  setControlWeight(index: number, weight: number): void;
  randomizeSeed(): void;
  /**
   * Restores parameters (Reuse settings, a link, a dropped file) so that Generate sends the same
   * request once: one image, a restored seed locked, and the prompt with exactly the styles it was
   * made with (its base prompt and those styles when they still produce it, else as sent, styles off).
   */
  apply(params: Restore): void;
  /**
   * Restores a plot (a dropped contact sheet): mode X/Y plot, its definition, and as `apply` the prompt
   * and fixed parameters, once the schema module has checked the definition (nothing if it fails).
   */
  applyPlot(definition: unknown, params: Restore): Promise<void>;
  /** When jobs are queued: a locked seed is pinned (picked now if empty); an unlocked one is cleared. */
  submitted(seedUsed: number | undefined): void;
}

export const useFormStore = create<FormState>()(
  persist<FormState, [], [], Draft>(
    (set, get) => ({
      ...DRAFT_DEFAULTS,
      seedDraft: null,
      setSeedDraft: (seedDraft) => set({ seedDraft }),
      setPrompt: (prompt) => set({ prompt }),
      setMode: (mode) => set({ mode }),
      setCount: (count) => set({ count }),
      setGuidanceCount: (guidanceCount) => set({ guidanceCount }),
      setPlotAxis: (name, axis) => set((s) => ({ plot: { ...s.plot, [name]: name === 'x' ? (axis ?? s.plot.x) : axis } })),
      togglePlotValue: (name, index) =>
        set((s) => {
          const axis = s.plot[name];
          if (!axis) return {};
          const off = axis.off?.includes(index) ? axis.off.filter((i) => i !== index) : [...(axis.off ?? []), index].sort((a, b) => a - b);
          return { plot: { ...s.plot, [name]: { ...axis, off } } };
        }),
      setPerCell: (perCell) => set((s) => ({ plot: { ...s.plot, perCell: Math.min(4, Math.max(1, Math.round(perCell) || 1)) } })),
      setPromptB: (promptB) => set({ promptB }),
      remember: (prompt) => set((s) => ({ recent: remembered(s.recent, s.starred, prompt) })),
      toggleStar: (prompt) => set((s) => ({ starred: toggled(s.starred, prompt) })),
      toggleStyle: (name) => set((s) => ({ activeStyles: toggled(s.activeStyles, name) })),
      addStyle: (style) => set((s) => ({ customStyles: [...s.customStyles.filter((c) => c.name !== style.name), style] })),
      removeStyle: (name) => set((s) => ({ customStyles: s.customStyles.filter((c) => c.name !== name), activeStyles: s.activeStyles.filter((n) => n !== name) })),
      setNumInferenceSteps: (num_inference_steps) => set({ num_inference_steps }),
      setSeed: (seed) => set({ seed, seedDraft: null }),
      setSeedLocked: (seedLocked) => set({ seedLocked }),
      setResponseFormat: (response_format) => set({ response_format }),
      setEndpoint: (endpoint) => set({ endpoint }),
      setAdapter: (adapter) => set({ adapter }),
      setGuidanceScale: (guidance_scale) => set({ guidance_scale, modelDefaultGuidance: false }),
      setModelDefaultGuidance: (modelDefaultGuidance) => set({ modelDefaultGuidance }),
      setSource: (source) => set({ source }),
      addControl: (image) => set((s) => ({ controls: [...s.controls, { image, weight: 1 }] })),
      removeControl: (index) => set((s) => ({ controls: s.controls.filter((_, i) => i !== index) })),
      setControlWeight: (index, weight) => set((s) => ({ controls: s.controls.map((c: ControlInput, i) => (i === index ? { ...c, weight } : c)) })),
      randomizeSeed: () => set({ seed: randomSeed(), seedDraft: null }),
      apply: (params) => set((s) => restored(params, s)),
      applyPlot: async (definition, params) => {
        const plot = (await import('@/lib/schema')).parsePlotDefinition(definition);
        if (!plot) return;
        get().apply(params);
        set({ mode: 'plot', plot });
      },
      submitted: (seedUsed) => set((s) => (s.seedLocked ? { seed: seedUsed ?? s.seed } : { seed: null })),
    }),
    {
      name: spaced('friendli-studio-form'),
      version: DRAFT_VERSION,
      storage: createJSONStorage(() => tabDraftStorage),
      partialize: draftOf,
      // Read back by hydrateForm, once the code that migrates and checks a draft has loaded.
      skipHydration: true,
    },
  ),
);

/**
 * Whether this tab's stored draft has been read back (hydrateForm): until it is 'ready' the form is
 * not shown, so nothing typed or chosen can be overwritten by the draft arriving. A store of its own:
 * not part of the draft, and setting it writes nothing (a write would share a link's state with tabs).
 */
export const useFormLoad = create<{ loaded: 'pending' | 'ready' | 'failed' }>()(() => ({ loaded: 'pending' }));

let hydrating: Promise<void> | undefined;

/**
 * Reads this tab's stored draft back into the form, then runs `after` (a link's parameters go over
 * the draft), then marks the form ready (useFormLoad). The draft is untrusted: it is migrated from
 * earlier versions' names and its input images and choices checked, by form-draft.ts and the schema
 * module, which load now, beside the first paint rather than in its script. A load that fails leaves
 * the form 'failed' (it says so), never a default form that would overwrite the stored draft.
 * Runs once; later calls return the same promise.
 */
export function hydrateForm(after?: () => unknown): Promise<void> {
  hydrating ??= import('./form-draft')
    .then(async ({ checkDraft, migrateDraft }) => {
      useFormStore.persist.setOptions({
        migrate: (persisted, version) => migrateDraft(persisted, version) as FormState,
        merge: (persisted, current) => checkDraft(persisted, current),
      });
      await useFormStore.persist.rehydrate();
      await after?.();
      useFormLoad.setState({ loaded: 'ready' });
    })
    .catch(() => {
      useFormLoad.setState({ loaded: 'failed' });
    });
  return hydrating;
}
