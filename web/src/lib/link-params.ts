// Links that carry an image's parameters: `?prompt=&steps=&seed=&format=` restores the form. A link
// keeps the short names `steps` and `format` (links already shared use them, and they read well in an
// address bar); reading also takes the API's names. `endpoint`, `adapter` and `guidance_scale` are
// added when set (a link from before says `guidance`, still read: the schema module translates it).
// Images (an edit's source, control images) are never in a link: only parameters travel, and whoever
// copies one is told so.
import type { ImageParams } from './params';
import { pickParams } from './schema';

export function buildLink(params: ImageParams, origin: string): string {
  const query = new URLSearchParams({ prompt: params.prompt, steps: String(params.num_inference_steps), seed: String(params.seed), format: params.response_format });
  if (params.endpoint) query.set('endpoint', params.endpoint);
  if (params.adapter) query.set('adapter', params.adapter);
  if (params.guidance_scale !== undefined && params.guidance_scale !== null) query.set('guidance_scale', String(params.guidance_scale));
  return `${origin}/?${query}`;
}

/** Said when a link is copied from an entry made from images, which the link cannot carry. */
export function linkImagesNote(params: Pick<ImageParams, 'source' | 'controls'>): string | undefined {
  const what = params.source ? (params.controls?.length ? 'the source and control images stay' : 'the source image stays') : params.controls?.length ? 'the control images stay' : undefined;
  return what && `Images are not in links: ${what} in this browser.`;
}

/** The parameters a link carries, or undefined when it carries none (no prompt). */
export function readLink(search: string): Partial<ImageParams> | undefined {
  const query = new URLSearchParams(search);
  if (!query.has('prompt')) return undefined;
  const params = pickParams(Object.fromEntries(query));
  return params.prompt ? params : undefined;
}
