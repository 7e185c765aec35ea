// The app's own API contract, shared by the server and the browser: limits, the request type and
// response shapes, derived from the protocol (server/protocol/) so field names and bounds are the
// upstream's own and nothing is renamed on the way through.
// Types and plain values only, no zod at run time: the browser imports this module, and its first
// paint's script must not carry the schemas (they are built in server/routes/generate-request.ts).
import type { z } from 'zod';
import type { ResponseFormat } from './protocol/bounds';
import type { generateRequestSchema } from './routes/generate-request';

// The protocol's names the browser uses, from here so that it imports one module for the API.
export { RESPONSE_FORMATS, SEED_MAX, STEPS_BOUNDS, type ResponseFormat } from './protocol/bounds';

/** Characters (UTF-16 code units) a prompt may hold; long enough for any real prompt. */
export const PROMPT_MAX_LENGTH = 2000;

export interface StepRange {
  min: number;
  max: number;
  default: number;
}

export type EngineName = 'local' | 'friendli';

/** The body of `POST /api/generate` (its schema is server/routes/generate-request.ts). */
export type GenerateRequest = z.infer<ReturnType<typeof generateRequestSchema>>;

export interface GeneratedImage {
  id: string;
  /** Same-origin `/api/images/:id`. */
  url: string;
  /** The seed actually used, also when none was asked for. */
  seed: number;
  /** The steps and format asked for (the server's defaults when none were), as the request ran. */
  num_inference_steps: number;
  response_format: ResponseFormat;
  /** Read from the bytes' magic numbers, never from the label. */
  mime: ImageMime;
  bytes: number;
  width: number;
  height: number;
}

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp';

/** The file extension for each image type the studio serves. */
export const MIME_EXTENSION: Record<ImageMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

export interface GenerateResponse {
  engine: EngineName;
  elapsed_ms: number;
  /** Each carries the parameters it was made with, so the browser need not join them back. */
  images: GeneratedImage[];
}

export interface ErrorBody {
  error: { code: string; message: string; details?: string[]; retry_after_seconds?: number };
}
