// The app's own API contract, shared by the server and the browser: limits, the request type and
// response shapes, derived from the protocol (server/protocol/) so field names and bounds are the
// upstream's own and nothing is renamed on the way through.
// Types and plain values only, no zod at run time: the browser imports this module, and its first
// paint's script must not carry the schemas (they are built in server/routes/generate-request.ts).
import type { z } from 'zod';
import type { ResponseFormat } from './protocol/bounds';
import type { editRequestSchema, generateRequestSchema } from './routes/generate-request';

// The protocol's names the browser uses, from here so that it imports one module for the API.
export { CONTROLNET_WEIGHT_BOUNDS, INPUT_IMAGE_MAX_SIDE, RESPONSE_FORMATS, SEED_MAX, STEPS_BOUNDS, type ResponseFormat } from './protocol/bounds';

/** Characters (UTF-16 code units) a prompt may hold; long enough for any real prompt. */
export const PROMPT_MAX_LENGTH = 2000;

export interface StepRange {
  min: number;
  max: number;
  default: number;
}

export type EngineName = 'local' | 'friendli';

/** A guidance_scale range an endpoint accepts, and the value the studio starts from. */
export interface GuidanceRange {
  min: number;
  max: number;
  default: number;
}

/** One endpoint the studio can send to, with what it supports (`GET /api/config` lists them). */
export interface EndpointInfo {
  id: string;
  name: string;
  /** LoRA adapter routes, sent as `model: "<id>:<route>"`. */
  adapters: string[];
  steps: StepRange;
  /** false: guidance_scale is never sent to this endpoint. */
  guidance: GuidanceRange | false;
  /** Whether it answers `POST /api/edit`. */
  edit: boolean;
  /** How many control images one generation may carry (0: none). */
  control_images: number;
}

/** The local engine's endpoint id (its adapter routes are the engine's own, local-engine/adapters.ts). */
export const LOCAL_ENDPOINT_ID = 'local-engine';

/** The body of `POST /api/generate` (its schema is server/routes/generate-request.ts). */
export type GenerateRequest = z.input<ReturnType<typeof generateRequestSchema>>;

/** The body of `POST /api/edit` (its schema is server/routes/generate-request.ts). */
export type EditRequest = z.input<ReturnType<typeof editRequestSchema>>;

export interface GeneratedImage {
  id: string;
  /** Same-origin `/api/images/:id`. */
  url: string;
  /** The seed actually used, also when none was asked for. */
  seed: number;
  /** The steps and format asked for (the server's defaults when none were), as the request ran. */
  num_inference_steps: number;
  response_format: ResponseFormat;
  /** The endpoint, adapter (null: none) and guidance_scale (null: the model's default) used. */
  endpoint?: string;
  adapter?: string | null;
  guidance_scale?: number | null;
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
