// What it takes to reproduce an image, and what the gallery keeps of each one. Shared by the
// generate and gallery features (neither imports the other).
import { RESPONSE_FORMATS, SEED_MAX, type EngineName, type ImageMime, type ResponseFormat } from '@server/contract';

export { RESPONSE_FORMATS, SEED_MAX, type ResponseFormat };

/** The parameters that reproduce an image exactly (with the same engine and endpoint). */
export interface ImageParams {
  prompt: string;
  steps: number;
  seed: number;
  format: ResponseFormat;
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

export const isSeed = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= SEED_MAX;
export const isFormat = (f: unknown): f is ResponseFormat => RESPONSE_FORMATS.includes(f as ResponseFormat);

/** A partial set of parameters from an untrusted source (a link, a file): only valid fields survive. */
export function pickParams(raw: Record<string, unknown>): Partial<ImageParams> {
  const out: Partial<ImageParams> = {};
  if (typeof raw.prompt === 'string' && raw.prompt.trim()) out.prompt = raw.prompt;
  const steps = Number(raw.steps);
  if (raw.steps !== undefined && raw.steps !== '' && Number.isInteger(steps) && steps >= 1 && steps <= 50) out.steps = steps;
  const seed = Number(raw.seed);
  if (raw.seed !== undefined && raw.seed !== '' && isSeed(seed)) out.seed = seed;
  if (isFormat(raw.format)) out.format = raw.format;
  return out;
}
