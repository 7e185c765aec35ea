// The studio's own API over the protocol, as plain values and types (no zod: the browser imports
// them through server/contract.ts, and its first paint's script must not carry schemas): what an
// endpoint offers, the prompt's limit, the image types and the bodies' limits, each written once.
import type { ResponseFormat } from './bounds';

/** Characters (UTF-16 code units) a prompt may hold; long enough for any real prompt. */
export const PROMPT_MAX_LENGTH = 2000;

/** The largest request body that carries no images (images may take the body to IMAGE_INPUT_MB). */
export const PLAIN_BODY_MAX_BYTES = 64 * 1024;

export interface StepRange {
  min: number;
  max: number;
  default: number;
}

export type EngineName = 'local' | 'friendli';

/**
 * The protocol an endpoint speaks: `dedicated`, FriendliAI's dedicated endpoints (and the local
 * engine); `container`, a self-hosted Friendli Container (POST /v1/images/generations and /edits).
 */
export const ENDPOINT_KINDS = ['dedicated', 'container'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

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
  kind: EndpointKind;
  /** LoRA adapter routes, sent as `model: "<id>:<route>"`. */
  adapters: string[];
  steps: StepRange;
  /** The guidance_scale range it takes; false: guidance_scale is never sent to this endpoint. */
  guidance_range: GuidanceRange | false;
  /** Whether it answers `POST /api/edit`. */
  edit: boolean;
  /** How many control images one generation may carry (0: none). */
  control_images: number;
  /** The response formats it answers with (a container: raw and jpeg only), and the one sent when none is chosen. */
  formats: ResponseFormat[];
  default_format: ResponseFormat;
}

/** The local engine's endpoint id (its capabilities are the engine's own, local-engine/capabilities.ts). */
export const LOCAL_ENDPOINT_ID = 'local-engine';

/** The image types the studio takes and serves: the one list (the server's sniffer reads these). */
export const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];

/** The file extension for each image type the studio serves. */
export const MIME_EXTENSION: Record<ImageMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** What an engine offers beyond its steps (which the environment sets); the local engine exports its own. */
export type EngineCapabilities = Pick<EndpointInfo, 'adapters' | 'guidance_range' | 'edit' | 'control_images'>;
