// What it takes to reproduce an image, and what the gallery keeps of each one, under the API's own
// names (num_inference_steps, response_format, seed) from the form to the upstream and back.
// Shared by the generate and gallery features (neither imports the other).
import { RESPONSE_FORMATS, SEED_MAX, type EngineName, type GenerateRequest, type ImageMime, type ResponseFormat } from '@server/contract';
import type { GROUP_KINDS } from './schema';

export { RESPONSE_FORMATS, SEED_MAX, type ImageMime, type ResponseFormat };
// Parameters from an untrusted place are read by the one schema module (pickParams in schema.ts),
// imported from there: not re-exported here, which would put the schema in the first paint's script.

/**
 * An image given to the API (an edit's source, a control image): its bytes are stored once, by
 * their SHA-256 (lib/input-images.ts), and every entry made from them records the hash.
 */
export interface InputRef {
  /** SHA-256 of the bytes, lowercase hex. */
  hash: string;
  mime: ImageMime;
  width: number;
  height: number;
  /** The gallery entry the image was taken from (an edit's parent), if any. */
  entryId?: string;
}

export interface ControlInput {
  image: InputRef;
  /** controlnet_weight, 0 to 1. */
  weight: number;
}

/** The parameters that reproduce an image exactly (with the same engine). */
export interface ImageParams {
  /** The instruction for an edit (its own, never the source's prompt), else the prompt. */
  prompt: string;
  num_inference_steps: number;
  seed: number;
  response_format: ResponseFormat;
  /** The endpoint id (absent: the server's first endpoint), its LoRA adapter route (null: none). */
  endpoint?: string | null;
  adapter?: string | null;
  /** null or absent: guidance_scale was not sent (the model's default). */
  guidance_scale?: number | null;
  /** Set for an edit: the image it was made from (its parent, when that came from the gallery). */
  source?: InputRef;
  /** Control images with their weights, in order (generations only). */
  controls?: ControlInput[];
}

/** What Reuse settings hands the form: the parameters, and the prompt as typed with its styles. */
export type ReuseParams = ImageParams & { basePrompt?: string; styles?: string[] };

/** A batch or sweep: its entries are kept together and labelled by what varied. */
export interface EntryGroup {
  id: string;
  kind: (typeof GROUP_KINDS)[number];
  label: string;
  /** This entry's place in the group, and the group's size. */
  index: number;
  size: number;
}

export interface GalleryEntry extends ImageParams {
  id: string;
  /** The prompt as typed, before styles were added (`prompt` is what was sent). */
  basePrompt?: string;
  styles?: string[];
  group?: EntryGroup;
  /** In a plot (group kind 'plot', its id the plot's): where this image sits in the grid. */
  cell?: { x: number; y: number; z: number; k: number };
  starred?: boolean;
  engine: EngineName;
  /** The endpoint id that answered (null: not recorded, entries from before endpoints). */
  endpoint: string | null;
  createdAt: number;
  elapsedMs: number;
  mime: ImageMime;
  width: number;
  height: number;
  bytes: number;
}

/**
 * What a job sends: the request's plain fields, and the input images by reference (their bytes are
 * read from the input store and sent as data: URLs when the job runs, see send-request.ts).
 */
export type RequestParams = Omit<GenerateRequest, 'control_images' | 'controlnet_weights'> &
  Pick<ImageParams, 'num_inference_steps' | 'response_format' | 'source' | 'controls'>;

/** Seeds wrap around past SEED_MAX: a batch or a cell's stack counts up from any seed. */
export const SEED_SPAN = SEED_MAX + 1;
export const seedAt = (seed: number, i: number) => (seed + i) % SEED_SPAN;
export const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

/** What a request is made from: the parameters, with "not set" as a planner has it (null or absent). */
export type RequestInput = Omit<ImageParams, 'seed' | 'source'> & { seed?: number | null; source?: InputRef | null };

/**
 * The one place a request is made (every planner: single, batch, sweeps, plot cells, resume, reuse,
 * reproduce): what is not set is not sent (the model's default guidance is no guidance_scale at all),
 * and an edit carries its source while control images go with generations only.
 */
export function toRequest(params: RequestInput): RequestParams {
  const { prompt, num_inference_steps, seed, response_format, endpoint, adapter, guidance_scale, source, controls } = params;
  return {
    prompt,
    num_inference_steps,
    response_format,
    ...(seed !== undefined && seed !== null ? { seed } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(adapter ? { adapter } : {}),
    ...(guidance_scale !== undefined && guidance_scale !== null ? { guidance_scale } : {}),
    ...(source ? { source } : controls?.length ? { controls } : {}),
  };
}

/** ...and back: what the form restores from an entry (its parameters, the prompt as typed, its styles). */
export function fromEntry(entry: GalleryEntry): ReuseParams {
  const { prompt, num_inference_steps, seed, response_format, endpoint, source, controls, basePrompt, styles } = entry;
  // The form's state, not a request: the images it was made from, both kinds, as they were.
  return {
    prompt, num_inference_steps, seed, response_format, guidance_scale: entry.guidance_scale ?? null, adapter: entry.adapter ?? null,
    ...(endpoint ? { endpoint } : {}), ...(source ? { source } : {}), ...(controls?.length ? { controls } : {}), basePrompt, styles,
  };
}
