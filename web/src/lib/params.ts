// What it takes to reproduce an image, and what the gallery keeps of each one, under the API's own
// names (num_inference_steps, response_format, seed) from the form to the upstream and back.
// Shared by the generate and gallery features (neither imports the other).
import { RESPONSE_FORMATS, SEED_MAX, STEPS_BOUNDS, type EngineName, type GenerateRequest, type ImageMime, type ResponseFormat } from '@server/contract';

export { RESPONSE_FORMATS, SEED_MAX, type ResponseFormat };

/** The parameters that reproduce an image exactly (with the same engine and endpoint). */
export interface ImageParams {
  prompt: string;
  num_inference_steps: number;
  seed: number;
  response_format: ResponseFormat;
}

/** What Reuse settings hands the form: the parameters, and the prompt as typed with its styles. */
export type ReuseParams = ImageParams & { basePrompt?: string; styles?: string[] };

/** A batch or sweep: its entries are kept together and labelled by what varied. */
export interface EntryGroup {
  id: string;
  kind: 'batch' | 'steps' | 'seeds' | 'ab';
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
  starred?: boolean;
  engine: EngineName;
  endpoint: string | null;
  createdAt: number;
  elapsedMs: number;
  mime: ImageMime;
  width: number;
  height: number;
  bytes: number;
}

/** The one place an entry becomes a request: the same parameters, sent again. */
export function toRequest({ prompt, num_inference_steps, seed, response_format }: ImageParams): GenerateRequest & ImageParams {
  return { prompt, num_inference_steps, seed, response_format };
}

/** ...and back: what the form restores from an entry (its parameters, the prompt as typed, its styles). */
export function fromEntry({ prompt, num_inference_steps, seed, response_format, basePrompt, styles }: GalleryEntry): ReuseParams {
  return { prompt, num_inference_steps, seed, response_format, basePrompt, styles };
}

const isSeed = (n: number) => Number.isInteger(n) && n >= 0 && n <= SEED_MAX;
const isFormat = (f: unknown): f is ResponseFormat => RESPONSE_FORMATS.includes(f as ResponseFormat);
const given = (v: unknown) => v !== undefined && v !== '';

/**
 * A partial set of parameters from an untrusted source (a link, a file): only valid fields survive.
 * The short names `steps` and `format` (links, and files from earlier versions) are read too.
 */
export function pickParams(raw: Record<string, unknown>): Partial<ImageParams> {
  const { prompt, seed, num_inference_steps = raw.steps, response_format = raw.format } = raw;
  const out: Partial<ImageParams> = {};
  if (typeof prompt === 'string' && prompt.trim()) out.prompt = prompt;
  const steps = Number(num_inference_steps);
  if (given(num_inference_steps) && Number.isInteger(steps) && steps >= STEPS_BOUNDS.min && steps <= STEPS_BOUNDS.max) out.num_inference_steps = steps;
  if (given(seed) && isSeed(Number(seed))) out.seed = Number(seed);
  if (isFormat(response_format)) out.response_format = response_format;
  return out;
}
