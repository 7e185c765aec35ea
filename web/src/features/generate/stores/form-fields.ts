// The form's fields, written once: what each means and where it starts. The store holds them with
// its actions (form-store.ts), and a tab's draft keeps exactly these (form-storage.ts).
import type { ControlInput, InputRef, ResponseFormat } from '@/lib/params';
import type { PlotDefinition } from '@/lib/plot';
import type { Mode } from '@/features/generate/utils/mode';
import type { Style } from '@/features/generate/utils/styles';

/** The draft's version: 1 said `steps` and `format`, 2 said `guidance` and `useDefaultGuidance` (form-draft.ts reads them). */
export const DRAFT_VERSION = 3;

export interface Draft {
  prompt: string;
  /** null until chosen: the server's default applies. */
  num_inference_steps: number | null;
  /** null means "random" (the upstream picks and reports it); seedLocked keeps it for the next run. */
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
  /** The guidance_scale chosen (null: the endpoint's default), sent unless modelDefaultGuidance. */
  guidance_scale: number | null;
  /** "Use model default guidance": guidance_scale is not sent (the chosen value is kept for later). */
  modelDefaultGuidance: boolean;
  /** An edit's source image (null: Generate makes a new image), by hash; its bytes are in the input store. */
  source: InputRef | null;
  /** Control images with their weights (sent with generations, not edits). */
  controls: ControlInput[];
}

/** A first plot a designer can run as it is: steps across, seeds down. */
export const DEFAULT_PLOT: PlotDefinition = { x: { kind: 'steps', text: '1, 2, 4, 8' }, y: { kind: 'seed', text: 'random x3' }, z: null, perCell: 1 };

export const DRAFT_DEFAULTS: Draft = {
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
  guidance_scale: null,
  modelDefaultGuidance: true,
  source: null,
  controls: [],
};

/** The draft a state keeps: exactly the fields above. */
export const draftOf = (state: Draft): Draft => Object.fromEntries(Object.keys(DRAFT_DEFAULTS).map((key) => [key, state[key as keyof Draft]])) as unknown as Draft;
