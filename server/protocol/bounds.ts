// The protocol's bounds and names as plain values (from friendli-images.openapi.yaml), with no zod:
// the browser imports them through server/contract.ts, and a module that builds schemas at its
// top level would bring zod into the first paint's script.

/** "Supported range: [1, 50]" for num_inference_steps, in both generations and edits. */
export const STEPS_BOUNDS = { min: 1, max: 50 } as const;
/** Seeds are unsigned 32-bit integers: the largest the engines accept. */
export const SEED_MAX = 4_294_967_295;
/** The largest side an input image (an edit's source, a control image) may have, in pixels. */
export const INPUT_IMAGE_MAX_SIDE = 4096;
/** The largest input image (a URL or data: URL's bytes) the API takes: 50 MiB, as the spec says. */
export const INPUT_IMAGE_MAX_BYTES = 50 * 1024 * 1024;
/** Each ControlNet weight: 0 disables it, 1 applies it fully. */
export const CONTROLNET_WEIGHT_BOUNDS = { min: 0, max: 1 } as const;

export const RESPONSE_FORMATS = ['url', 'raw', 'png', 'jpeg', 'jpg'] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];
/** What the protocol answers with when no response_format is given. */
export const DEFAULT_FORMAT: ResponseFormat = 'url';

/** What a Friendli Container answers with (friendli-container-images.openapi.yaml): no `url`, `png` or `jpg`. */
export const CONTAINER_FORMATS = ['raw', 'jpeg'] as const satisfies readonly ResponseFormat[];
/** The container's own default when no response_format is given. */
export const CONTAINER_DEFAULT_FORMAT: ResponseFormat = 'jpeg';
