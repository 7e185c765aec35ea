// The app's own API contract, shared by the server and the browser: limits, the request type and
// response shapes, derived from the protocol (server/protocol/) so field names and bounds are the
// upstream's own and nothing is renamed on the way through.
// Types and plain values only, no zod at run time: the browser imports this module, and its first
// paint's script must not carry the schemas (they are built in server/protocol/studio-requests.ts,
// which imports nothing from here: every import points one way, into server/protocol/).
import type { z } from 'zod';
import type { ResponseFormat } from './protocol/bounds';
import type { EngineName, ImageMime } from './protocol/studio';
import type { editRequestSchema, generateRequestSchema } from './protocol/studio-requests';

// The protocol's names the browser uses, from here so that it imports one module for the API.
export { CONTAINER_FORMATS, CONTROLNET_WEIGHT_BOUNDS, INPUT_IMAGE_MAX_BYTES, INPUT_IMAGE_MAX_SIDE, RESPONSE_FORMATS, SEED_MAX, STEPS_BOUNDS, type ResponseFormat } from './protocol/bounds';
export {
  ENDPOINT_KINDS,
  IMAGE_MIMES,
  LOCAL_ENDPOINT_ID,
  MIME_EXTENSION,
  PLAIN_BODY_MAX_BYTES,
  PROMPT_MAX_LENGTH,
  type EndpointInfo,
  type EndpointKind,
  type EngineName,
  type GuidanceRange,
  type ImageMime,
  type StepRange,
} from './protocol/studio';

/** The body of `POST /api/generate` (its schema is server/protocol/studio-requests.ts). */
export type GenerateRequest = z.input<ReturnType<typeof generateRequestSchema>>;

/** The body of `POST /api/edit` (its schema is server/protocol/studio-requests.ts). */
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
  endpoint: string;
  adapter: string | null;
  guidance_scale: number | null;
  /** Read from the bytes' magic numbers, never from the label. */
  mime: ImageMime;
  bytes: number;
  width: number;
  height: number;
}

export interface GenerateResponse {
  engine: EngineName;
  elapsed_ms: number;
  /** Each carries the parameters it was made with, so the browser need not join them back. */
  images: GeneratedImage[];
}

export interface ErrorBody {
  error: { code: string; message: string; details?: string[]; retry_after_seconds?: number };
}

/** Who may use the studio: anyone who reaches it (none), accounts (users), or a sign-in proxy's header (proxy). */
export type AuthMode = 'none' | 'users' | 'proxy';
export type Role = 'admin' | 'designer';

/** `GET /api/auth/session`: the mode, and the signed-in user (null: the sign-in page is shown). */
export interface SessionInfo {
  mode: AuthMode;
  user: { name: string; role: Role } | null;
  /** Names the browser's stores for this user ('' with AUTH=none: the stores as they always were). */
  space: string;
}
