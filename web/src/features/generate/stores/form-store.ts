// The form's parameters (zustand), persisted per tab (see form-storage.ts) so a reload loses nothing.
// Seed: null means "random" (the upstream picks and reports it); locked keeps it for the next run.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { PlotAxis, PlotDefinition } from '@/lib/plot';
import { asControls, asInputRef, type ControlInput, type ImageParams, type InputRef, type ResponseFormat } from '@/lib/params';
import type { Mode } from '@/features/generate/utils/mode';
import { BUILT_IN_STYLES, withStyles, type Style } from '@/features/generate/utils/styles';
import { tabDraftStorage } from './form-storage';

const MAX_RECENT = 30;

export interface FormState {
  prompt: string;
  /** null until chosen: the server's default applies. */
  num_inference_steps: number | null;
  seed: number | null;
  seedLocked: boolean;
  response_format: ResponseFormat | null;
  mode: Mode;
  count: number;
  /** How many guidance values a guidance sweep spans (its own count: the batch's stays as it was). */
  guidanceCount: number;
  /** The X/Y/Z plot being set up: its axes (Y and Z optional) and images per cell. */
  plot: PlotDefinition;
  promptB: string;
  /** Earlier prompts, newest first; starred ones are kept however many follow. */
  recent: string[];
  starred: string[];
  /** The designer's own styles, and which styles (built-in or own) are switched on, by name. */
  customStyles: Style[];
  activeStyles: string[];
  /** The endpoint id chosen (null: the server's first), and its adapter route (null: none). */
  endpoint: string | null;
  adapter: string | null;
  /** The guidance_scale chosen (null: the endpoint's default value), sent unless useDefaultGuidance. */
  guidance: number | null;
  useDefaultGuidance: boolean;
  /** An edit's source image (null: Generate makes a new image), by hash; its bytes are in the input store. */
  source: InputRef | null;
  /** Control images with their weights (sent with generations, not edits). */
  controls: ControlInput[];
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
  setGuidance(guidance: number): void;
  setUseDefaultGuidance(use: boolean): void;
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
  /** Restores a plot (a dropped contact sheet): mode X/Y plot, its definition, and as `apply` the prompt and fixed parameters. */
  applyPlot(definition: unknown, params: Restore): void;
  /** When jobs are queued: a locked seed is pinned (picked now if empty); an unlocked one is cleared. */
  submitted(seedUsed: number | undefined): void;
}

export type Restore = Partial<ImageParams> & { basePrompt?: string; styles?: string[] };

/** The prompt and active styles that send `prompt` again, given the styles known now. */
export function restorePrompt({ prompt, basePrompt, styles = [] }: { prompt: string; basePrompt?: string; styles?: string[] }, custom: Style[]) {
  const known = [...BUILT_IN_STYLES, ...custom];
  const chosen = styles.map((name) => known.find((s) => s.name === name));
  if (basePrompt !== undefined && styles.length && chosen.every(Boolean) && withStyles(basePrompt, chosen as Style[]) === prompt) {
    return { prompt: basePrompt, activeStyles: styles };
  }
  return { prompt, activeStyles: [] };
}

/** A version 1 draft under today's names. */
function renameDraft(persisted: unknown) {
  const { steps = null, format = null, ...rest } = (persisted ?? {}) as Record<string, unknown>;
  return { ...rest, num_inference_steps: steps, response_format: format };
}

/** A first plot a designer can run as it is: steps across, seeds down. */
export const DEFAULT_PLOT: PlotDefinition = { x: { kind: 'steps', text: '1, 2, 4, 8' }, y: { kind: 'seed', text: 'random x3' }, z: null, perCell: 1 };

const KINDS = ['seed', 'steps', 'guidance', 'prompt-sr', 'endpoint', 'adapter', 'style'];

/** A plot definition from an untrusted place (a stored draft, a dropped sheet), or undefined. */
export function asPlotDefinition(raw: unknown): PlotDefinition | undefined {
  const axis = (a: unknown): PlotAxis | undefined => {
    const { kind, text, off } = (a ?? {}) as Record<string, unknown>;
    if (!KINDS.includes(kind as string) || typeof text !== 'string' || text.length > 5000) return undefined;
    const offs = Array.isArray(off) ? off.filter((i): i is number => Number.isInteger(i) && i >= 0 && i < 100) : [];
    return { kind: kind as PlotAxis['kind'], text, ...(offs.length ? { off: offs } : {}) };
  };
  if (!raw || typeof raw !== 'object') return undefined;
  const { x, y, z, perCell } = raw as Record<string, unknown>;
  const ax = axis(x);
  if (!ax) return undefined;
  return { x: ax, y: axis(y) ?? null, z: axis(z) ?? null, perCell: Number.isInteger(perCell) ? Math.min(4, Math.max(1, perCell as number)) : 1 };
}

export const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

export const useFormStore = create<FormState>()(
  persist(
    (set, get) => ({
      prompt: '',
      num_inference_steps: null,
      seed: null,
      seedLocked: false,
      response_format: null,
      mode: 'single',
      count: 1,
      // Five values show a range well.
      guidanceCount: 5,
      plot: DEFAULT_PLOT,
      promptB: '',
      recent: [],
      starred: [],
      customStyles: [],
      activeStyles: [],
      endpoint: null,
      adapter: null,
      guidance: null,
      useDefaultGuidance: true,
      source: null,
      controls: [],
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
      setNumInferenceSteps: (num_inference_steps) => set({ num_inference_steps }),
      setSeed: (seed) => set({ seed, seedDraft: null }),
      setSeedLocked: (seedLocked) => set({ seedLocked }),
      setResponseFormat: (response_format) => set({ response_format }),
      setEndpoint: (endpoint) => set({ endpoint }),
      setAdapter: (adapter) => set({ adapter }),
      setGuidance: (guidance) => set({ guidance, useDefaultGuidance: false }),
      setUseDefaultGuidance: (useDefaultGuidance) => set({ useDefaultGuidance }),
      setSource: (source) => set({ source }),
      addControl: (image) => set((s) => ({ controls: [...s.controls, { image, weight: 1 }] })),
      removeControl: (index) => set((s) => ({ controls: s.controls.filter((_, i) => i !== index) })),
      setControlWeight: (index, weight) => set((s) => ({ controls: s.controls.map((c, i) => (i === index ? { ...c, weight } : c)) })),
      randomizeSeed: () => set({ seed: randomSeed(), seedDraft: null }),
      apply: (params) =>
        set((s) => ({
          // A sweep or a batch would turn one remembered request into many.
          mode: 'single',
          count: 1,
          ...(params.prompt !== undefined ? restorePrompt({ ...params, prompt: params.prompt }, s.customStyles) : { activeStyles: [] }),
          num_inference_steps: params.num_inference_steps ?? s.num_inference_steps,
          response_format: params.response_format ?? s.response_format,
          ...(params.seed !== undefined ? { seed: params.seed, seedLocked: true, seedDraft: null } : {}),
          // What it was made with and from: a value not given means none (no adapter, the model's
          // default guidance, no source or control images); an endpoint not given keeps the choice.
          ...(params.endpoint ? { endpoint: params.endpoint } : {}),
          adapter: params.adapter ?? null,
          ...(typeof params.guidance_scale === 'number' ? { guidance: params.guidance_scale, useDefaultGuidance: false } : { useDefaultGuidance: true }),
          source: params.source ?? null,
          controls: params.controls ?? [],
        })),
      applyPlot: (definition, params) => {
        const plot = asPlotDefinition(definition);
        if (!plot) return;
        get().apply(params);
        set({ mode: 'plot', plot });
      },
      submitted: (seedUsed) => set((s) => (s.seedLocked ? { seed: seedUsed ?? s.seed } : { seed: null })),
    }),
    {
      name: 'friendli-studio-form',
      // Version 1 drafts said `steps` and `format`.
      version: 2,
      migrate: (persisted, version) => (version < 2 ? renameDraft(persisted) : persisted) as FormState,
      storage: createJSONStorage(() => tabDraftStorage),
      // A stored draft is untrusted: the input images and choices it names are checked before use.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<FormState>;
        const name = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : null);
        return {
          ...current,
          ...p,
          endpoint: name(p.endpoint),
          adapter: name(p.adapter),
          guidance: typeof p.guidance === 'number' && Number.isFinite(p.guidance) ? p.guidance : null,
          plot: asPlotDefinition(p.plot) ?? current.plot,
          guidanceCount: Number.isInteger(p.guidanceCount) ? Math.min(8, Math.max(2, p.guidanceCount!)) : current.guidanceCount,
          useDefaultGuidance: p.useDefaultGuidance !== false,
          source: asInputRef(p.source) ?? null,
          controls: asControls(p.controls),
        };
      },
      partialize: ({ prompt, num_inference_steps, seed, seedLocked, response_format, mode, count, guidanceCount, plot, promptB, recent, starred, customStyles, activeStyles, endpoint, adapter, guidance, useDefaultGuidance, source, controls }) => ({
        prompt, num_inference_steps, seed, seedLocked, response_format, mode, count, guidanceCount, plot, promptB, recent, starred, customStyles, activeStyles, endpoint, adapter, guidance, useDefaultGuidance, source, controls,
      }),
    },
  ),
);
