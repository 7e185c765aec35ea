// What it takes to reproduce an image, and what the gallery keeps of each one, under the API's own
// names (num_inference_steps, response_format, seed) from the form to the upstream and back.
// Shared by the generate and gallery features (neither imports the other).
import { INPUT_IMAGE_MAX_SIDE, RESPONSE_FORMATS, SEED_MAX, STEPS_BOUNDS, type EngineName, type GenerateRequest, type ImageMime, type ResponseFormat } from '@server/contract';

export { RESPONSE_FORMATS, SEED_MAX, type ImageMime, type ResponseFormat };

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
  kind: 'batch' | 'steps' | 'seeds' | 'ab' | 'guidance' | 'plot';
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

/** The one place an entry becomes a request: the same parameters, sent again. */
export function toRequest(params: ImageParams): RequestParams & ImageParams {
  const { prompt, num_inference_steps, seed, response_format, endpoint, adapter, guidance_scale, source, controls } = params;
  return {
    prompt,
    num_inference_steps,
    seed,
    response_format,
    ...(endpoint ? { endpoint } : {}),
    ...(adapter ? { adapter } : {}),
    ...(guidance_scale !== undefined && guidance_scale !== null ? { guidance_scale } : {}),
    ...(source ? { source } : {}),
    ...(controls?.length ? { controls } : {}),
  };
}

/** ...and back: what the form restores from an entry (its parameters, the prompt as typed, its styles). */
export function fromEntry(entry: GalleryEntry): ReuseParams {
  const { basePrompt, styles, endpoint } = entry;
  return { ...toRequest(entry), guidance_scale: entry.guidance_scale ?? null, adapter: entry.adapter ?? null, ...(endpoint ? { endpoint } : {}), basePrompt, styles };
}

const isSeed = (n: number) => Number.isInteger(n) && n >= 0 && n <= SEED_MAX;
const isFormat = (f: unknown): f is ResponseFormat => RESPONSE_FORMATS.includes(f as ResponseFormat);
const given = (v: unknown) => v !== undefined && v !== '';
const isName = (v: string) => v.length > 0 && v.length <= 200 && /^[\w.:-]+$/.test(v);
/** No guidance_scale a model takes comes near this; an endpoint's own range is checked on use. */
const GUIDANCE_MAX = 100;

/**
 * A partial set of parameters from an untrusted source (a link, a file): only valid fields survive.
 * The short names `steps` and `format` (links, and files from earlier versions) are read too.
 */
export function pickParams(raw: Record<string, unknown>): Partial<ImageParams> {
  const { prompt, seed, num_inference_steps = raw.steps, response_format = raw.format, endpoint, adapter, guidance_scale = raw.guidance } = raw;
  const out: Partial<ImageParams> = {};
  if (typeof prompt === 'string' && prompt.trim()) out.prompt = prompt;
  const steps = Number(num_inference_steps);
  if (given(num_inference_steps) && Number.isInteger(steps) && steps >= STEPS_BOUNDS.min && steps <= STEPS_BOUNDS.max) out.num_inference_steps = steps;
  if (given(seed) && isSeed(Number(seed))) out.seed = Number(seed);
  if (isFormat(response_format)) out.response_format = response_format;
  // Endpoint ids and adapter routes are checked against the server's list where they are used.
  if (typeof endpoint === 'string' && isName(endpoint)) out.endpoint = endpoint;
  if (typeof adapter === 'string' && isName(adapter)) out.adapter = adapter;
  const guidance = Number(guidance_scale);
  if (given(guidance_scale) && guidance_scale !== null && Number.isFinite(guidance) && guidance >= 0 && guidance <= GUIDANCE_MAX) out.guidance_scale = guidance;
  return out;
}

const MIMES: ImageMime[] = ['image/png', 'image/jpeg', 'image/webp'];
const side = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= INPUT_IMAGE_MAX_SIDE;

/** An input image reference from an untrusted place (a stored draft), or undefined when it is not one. */
export function asInputRef(raw: unknown): InputRef | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { hash, mime, width, height, entryId } = raw as Record<string, unknown>;
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash) || !MIMES.includes(mime as ImageMime) || !side(width) || !side(height)) return undefined;
  return { hash, mime: mime as ImageMime, width: width as number, height: height as number, ...(typeof entryId === 'string' && entryId.length <= 200 ? { entryId } : {}) };
}

/** Control images from an untrusted place: the valid ones, weights clamped to 0–1. */
export function asControls(raw: unknown): ControlInput[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((c: unknown) => {
    if (!c || typeof c !== 'object') return [];
    const image = asInputRef((c as { image?: unknown }).image);
    const weight = Number((c as { weight?: unknown }).weight);
    return image && Number.isFinite(weight) ? [{ image, weight: Math.min(1, Math.max(0, weight)) }] : [];
  });
}
