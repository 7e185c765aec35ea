// What steers the local engine besides the prompt: a source image (edits) and control images pull
// the scene toward their luminance maps (adapter routes are in adapters.ts). All of it is pure and
// deterministic; none of it runs when a request does not use it.
import sharp from 'sharp';
import { INPUT_IMAGE_MAX_SIDE } from '../protocol/bounds';
import { sniffImage } from '../sniff';
import { MAP_SIZE, type Guide } from './render';

export { MAP_SIZE, type Guide } from './render';

/** The largest input image side the engine decodes: the API's own (protocol/bounds.ts). */
const MAX_INPUT_SIDE = INPUT_IMAGE_MAX_SIDE;
/** How strongly an edit's source holds the composition (the rest is the prompt's own scene). */
export const SOURCE_PULL = 0.85;
/** How strongly a control image at weight 1 pulls the composition. */
export const CONTROL_PULL = 0.8;
/** The most control images the engine takes. */
export const MAX_CONTROL_IMAGES = 2;
/** The most source images one edit may list (the engine edits the first). */
export const MAX_EDIT_IMAGES = 4;

export class InvalidImageError extends Error {}

/** Bytes of a base64 data: URL, or an InvalidImageError saying what is wrong. */
export function decodeDataUrl(url: string): Buffer {
  if (!url.startsWith('data:')) throw new InvalidImageError('must be a data: URL (the local engine fetches no URLs)');
  const comma = url.indexOf(',');
  if (comma < 0 || !/;base64$/i.test(url.slice(0, comma))) throw new InvalidImageError('must be a base64 data: URL');
  const bytes = Buffer.from(url.slice(comma + 1), 'base64');
  if (bytes.length === 0) throw new InvalidImageError('is empty');
  return bytes;
}

/** A PNG, JPEG or WebP of at most MAX_INPUT_SIDE a side, as a MAP_SIZE² luminance map in 0..1. */
export async function luminanceMap(bytes: Buffer): Promise<Float32Array> {
  // Type and size by the server's one sniffer; then decoded in full.
  const info = sniffImage(bytes);
  if (!info) throw new InvalidImageError('must be a PNG, JPEG or WebP image');
  if (info.width > MAX_INPUT_SIDE || info.height > MAX_INPUT_SIDE) throw new InvalidImageError(`must be at most ${MAX_INPUT_SIDE} px a side`);
  let grey: Buffer;
  try {
    grey = await sharp(bytes, { limitInputPixels: MAX_INPUT_SIDE * MAX_INPUT_SIDE, failOn: 'error' })
      .flatten({ background: '#ffffff' })
      .resize(MAP_SIZE, MAP_SIZE, { fit: 'fill' })
      .toColourspace('b-w')
      .extractChannel(0)
      .raw()
      .toBuffer();
  } catch {
    throw new InvalidImageError('is not a readable image');
  }
  const map = new Float32Array(MAP_SIZE * MAP_SIZE);
  for (let i = 0; i < map.length; i++) map[i] = grey[i]! / 255;
  return map;
}

/** Folds pulls toward maps, in order, into one Guide; undefined when none pulls at all. */
export function foldGuides(pulls: readonly { map: Float32Array; weight: number }[]): Guide | undefined {
  let guide: Guide | undefined;
  for (const { map, weight } of pulls) {
    if (!(weight > 0)) continue;
    const w = Math.min(1, weight);
    const folded = new Float32Array(MAP_SIZE * MAP_SIZE);
    for (let i = 0; i < folded.length; i++) folded[i] = (guide ? guide.map[i]! * (1 - w) : 0) + map[i]! * w;
    guide = { k: (guide ? guide.k : 1) * (1 - w), map: folded };
  }
  return guide;
}
