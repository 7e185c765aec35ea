// Links that carry an image's parameters: `?prompt=&steps=&seed=&format=` restores the form. A link
// keeps its short names (links already shared use them, and they read well in an address bar);
// reading also takes the API's names (`num_inference_steps`, `response_format`).
import { pickParams, type ImageParams } from './params';

export function buildLink(params: ImageParams, origin: string): string {
  const query = new URLSearchParams({ prompt: params.prompt, steps: String(params.num_inference_steps), seed: String(params.seed), format: params.response_format });
  return `${origin}/?${query}`;
}

/** The parameters a link carries, or undefined when it carries none (no prompt). */
export function readLink(search: string): Partial<ImageParams> | undefined {
  const query = new URLSearchParams(search);
  if (!query.has('prompt')) return undefined;
  const params = pickParams(Object.fromEntries(query));
  return params.prompt ? params : undefined;
}
