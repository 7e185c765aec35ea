// What steers the local engine besides the prompt: a source image (edits) and control images pull
// the scene toward their luminance maps, and a LoRA adapter route restyles the finished pixels.
// All of it is pure and deterministic; none of it runs when a request does not use it.
import sharp from 'sharp';
import { MAP_SIZE, type Guide } from './render';

export { MAP_SIZE, type Guide } from './render';

/** The largest input image side the engine decodes, as the server rule says. */
export const MAX_INPUT_SIDE = 4096;
/** How strongly an edit's source holds the composition (the rest is the prompt's own scene). */
export const SOURCE_PULL = 0.85;
/** How strongly a control image at weight 1 pulls the composition. */
export const CONTROL_PULL = 0.8;
/** The most control images the engine takes. */
export const MAX_CONTROL_IMAGES = 2;

export const ADAPTER_ROUTES = ['watercolor', 'blueprint'] as const;
export type AdapterRoute = (typeof ADAPTER_ROUTES)[number];
export const isAdapterRoute = (route: string): route is AdapterRoute => (ADAPTER_ROUTES as readonly string[]).includes(route);

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
  let grey: Buffer;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_SIDE * MAX_INPUT_SIDE, failOn: 'error' });
    const { format, width = 0, height = 0 } = await image.metadata();
    if (format !== 'png' && format !== 'jpeg' && format !== 'webp') throw new InvalidImageError('must be a PNG, JPEG or WebP image');
    if (width > MAX_INPUT_SIDE || height > MAX_INPUT_SIDE) throw new InvalidImageError(`must be at most ${MAX_INPUT_SIDE} px a side`);
    grey = await image
      .flatten({ background: '#ffffff' })
      .resize(MAP_SIZE, MAP_SIZE, { fit: 'fill' })
      .toColourspace('b-w')
      .extractChannel(0)
      .raw()
      .toBuffer();
  } catch (error) {
    if (error instanceof InvalidImageError) throw error;
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

/** Separable box blur of one channel plane, radius r, in place (edges clamp). */
function boxBlur(plane: Float32Array, w: number, h: number, r: number): void {
  const tmp = new Float32Array(Math.max(w, h));
  const span = 2 * r + 1;
  for (let y = 0; y < h; y++) {
    const o = y * w;
    let sum = 0;
    for (let i = -r; i <= r; i++) sum += plane[o + Math.min(w - 1, Math.max(0, i))]!;
    for (let x = 0; x < w; x++) {
      tmp[x] = sum / span;
      sum += plane[o + Math.min(w - 1, x + r + 1)]! - plane[o + Math.max(0, x - r)]!;
    }
    for (let x = 0; x < w; x++) plane[o + x] = tmp[x]!;
  }
  for (let x = 0; x < w; x++) {
    let sum = 0;
    for (let i = -r; i <= r; i++) sum += plane[Math.min(h - 1, Math.max(0, i)) * w + x]!;
    for (let y = 0; y < h; y++) {
      tmp[y] = sum / span;
      sum += plane[Math.min(h - 1, y + r + 1) * w + x]! - plane[Math.max(0, y - r) * w + x]!;
    }
    for (let y = 0; y < h; y++) plane[y * w + x] = tmp[y]!;
  }
}

const clamp255 = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** Watercolour: softened, pigment bleeding past its edges and pooling darker there, on tinted paper. */
function watercolor(rgb: Uint8Array, w: number, h: number): void {
  const r = Math.max(1, Math.round(w / 170));
  const n = w * h;
  const planes = [0, 1, 2].map((c) => {
    const p = new Float32Array(n);
    for (let i = 0; i < n; i++) p[i] = rgb[i * 3 + c]!;
    boxBlur(p, w, h, r);
    boxBlur(p, w, h, r);
    return p;
  });
  const paper = [246, 238, 222];
  for (let i = 0; i < n; i++) {
    const o = i * 3;
    const lumOrig = 0.299 * rgb[o]! + 0.587 * rgb[o + 1]! + 0.114 * rgb[o + 2]!;
    const lumSoft = 0.299 * planes[0]![i]! + 0.587 * planes[1]![i]! + 0.114 * planes[2]![i]!;
    const pool = 0.9 * Math.abs(lumOrig - lumSoft);
    for (let c = 0; c < 3; c++) rgb[o + c] = clamp255(planes[c]![i]! * 0.72 + paper[c]! * 0.28 - pool);
  }
}

/** Blueprint: blue monochrome, white line work where the picture has edges, and a faint grid. */
function blueprint(rgb: Uint8Array, w: number, h: number): void {
  const n = w * h;
  const lum = new Float32Array(n);
  for (let i = 0; i < n; i++) lum[i] = 0.299 * rgb[i * 3]! + 0.587 * rgb[i * 3 + 1]! + 0.114 * rgb[i * 3 + 2]!;
  const tone = Float32Array.from(lum);
  boxBlur(lum, w, h, Math.max(1, Math.round(w / 340)));
  const cell = Math.max(8, Math.round(w / 16));
  for (let y = 0; y < h; y++) {
    const ym = Math.max(0, y - 1) * w;
    const yp = Math.min(h - 1, y + 1) * w;
    const yc = y * w;
    for (let x = 0; x < w; x++) {
      const xm = Math.max(0, x - 1);
      const xp = Math.min(w - 1, x + 1);
      const gx = lum[ym + xp]! + 2 * lum[yc + xp]! + lum[yp + xp]! - lum[ym + xm]! - 2 * lum[yc + xm]! - lum[yp + xm]!;
      const gy = lum[yp + xm]! + 2 * lum[yp + x]! + lum[yp + xp]! - lum[ym + xm]! - 2 * lum[ym + x]! - lum[ym + xp]!;
      const edge = Math.min(1, Math.max(0, (Math.sqrt(gx * gx + gy * gy) - 40) / 80));
      const shade = 0.75 + 0.35 * (tone[yc + x]! / 255);
      const grid = x % cell === 0 || y % cell === 0 ? 0.18 : 0;
      const line = Math.max(edge, grid);
      const o = (yc + x) * 3;
      rgb[o] = clamp255(18 * shade + (232 - 18 * shade) * line);
      rgb[o + 1] = clamp255(62 * shade + (242 - 62 * shade) * line);
      rgb[o + 2] = clamp255(138 * shade + (255 - 138 * shade) * line);
    }
  }
}

/** Restyles finished RGB pixels (width × height × 3) in place, as the adapter route asks. */
export function applyAdapter(route: AdapterRoute, rgb: Uint8Array, w: number, h: number): void {
  if (route === 'watercolor') watercolor(rgb, w, h);
  else blueprint(rgb, w, h);
}
