// The local engine's pixel loop: a scene (scenes.ts) over noise (noise.ts), through the prompt's
// palette, with steps acting like denoising (1 step: heavy latent noise and washed-out contrast; the
// top of the range: clean). Pure and deterministic: the same input always gives the same pixels.
import { G1, GRID, MAX_OCTAVES, fbmGrid, filled, mulberry32 } from './noise';
import { SCENES } from './scenes';
import { readPrompt, type Style } from './style';

export interface RenderInput {
  prompt: string;
  seed: number;
  /** The API's names, end to end: steps act like denoising. */
  num_inference_steps: number;
  width: number;
  height: number;
  /** Classifier-free guidance: how strongly the prompt's look wins (contrast and saturation). */
  guidance_scale?: number;
  /** Pulls the composition toward luminance maps (an edit's source, control images). */
  guide?: Guide;
}

/** Side of the luminance maps that steer the composition (the "latent" of an edit). */
export const MAP_SIZE = 128;

/** The scene's positions t become t × k + (the map at that pixel): the pulls of every guide, folded. */
export interface Guide {
  k: number;
  /** MAP_SIZE × MAP_SIZE values. */
  map: Float32Array;
}

/** The guidance at which the prompt's look is exactly as without any (a typical model default). */
export const NEUTRAL_GUIDANCE = 7.5;

const LUT_SIZE = 1024;

/** The palette as a 1024-step RGB ramp, with the prompt's saturation applied. */
function paletteLut(style: Style): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(LUT_SIZE * 3);
  const stops = style.palette.length - 1;
  for (let i = 0; i < LUT_SIZE; i++) {
    const f = (i / (LUT_SIZE - 1)) * stops;
    const s = Math.min(stops - 1, Math.floor(f));
    const t = f - s;
    const a = style.palette[s]!;
    const b = style.palette[s + 1]!;
    const rgb = [0, 1, 2].map((c) => a[c]! + (b[c]! - a[c]!) * t);
    const luma = 0.299 * rgb[0]! + 0.587 * rgb[1]! + 0.114 * rgb[2]!;
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = luma + (rgb[c]! - luma) * style.saturation;
  }
  return lut;
}

/**
 * Pulls a row of palette positions toward the guide: t becomes t × k + the guide's map at that
 * pixel, sampled bilinearly (per column its cell and weight, per row one blended line).
 */
function guideRows({ k, map }: Guide, w: number, h: number): (y: number, t: Float64Array) => void {
  const size = MAP_SIZE;
  const line = new Float32Array(size);
  const mx = new Int32Array(w);
  const mf = new Float32Array(w);
  for (let x = 0; x < w; x++) {
    const p = Math.max(0, Math.min(size - 1, ((x + 0.5) / w) * size - 0.5));
    mx[x] = Math.min(size - 2, Math.floor(p));
    mf[x] = p - mx[x]!;
  }
  return (y, t) => {
    const p = Math.max(0, Math.min(size - 1, ((y + 0.5) / h) * size - 0.5));
    const my = Math.min(size - 2, Math.floor(p));
    const fy = p - my;
    const r0 = my * size;
    const r1 = r0 + size;
    for (let i = 0; i < size; i++) line[i] = map[r0 + i]! + (map[r1 + i]! - map[r0 + i]!) * fy;
    for (let x = 0; x < w; x++) {
      const a = mx[x]!;
      t[x] = t[x]! * k + line[a]! + (line[a + 1]! - line[a]!) * mf[x]!;
    }
  };
}

/** Renders the scene as packed RGB bytes, width × height × 3. */
export function render(input: RenderInput): Uint8Array {
  const out = new Uint8Array(input.width * input.height * 3);
  renderRows(input, 0, input.height, out);
  return out;
}

/**
 * Renders rows [from, to) of the scene into `out` (the whole picture's width × height × 3 bytes),
 * exactly as render() paints them: the rows of one picture can be painted by several threads.
 */
export function renderRows(input: RenderInput, from: number, to: number, out: Uint8Array): void {
  const { width: w, height: h, num_inference_steps: steps } = input;
  // Imported bindings are read through their module cell on every use: the hot loops below read
  // local copies instead (about a third of the render's time otherwise).
  const grid = GRID;
  const g1 = G1;
  const style = readPrompt(input.prompt);
  const rand = mulberry32((input.seed ^ style.hash) >>> 0);
  // Fine detail resolves as steps rise, as it does when a diffusion model denoises.
  const octaves = Math.min(MAX_OCTAVES, 2 + Math.floor(steps / 2));
  const cloud = fbmGrid(rand, octaves);
  const swirl = fbmGrid(rand, octaves);
  const field = SCENES[style.composition](w, h, rand, octaves);
  // Guidance, when given, strengthens (or, below the neutral value, weakens) the prompt's look.
  const g = input.guidance_scale == null ? undefined : Math.max(0, Math.min(30, input.guidance_scale));
  const lut = paletteLut(g === undefined ? style : { ...style, saturation: style.saturation * (0.7 + (0.3 * g) / NEUTRAL_GUIDANCE) });
  // Residual noise falls off with steps: a third of full scale at 1 step, under 1% at 10.
  const sigma = 90 / steps ** 1.7;
  const contrast = (1 - 0.4 / steps) * (g === undefined ? 1 : 0.6 + (0.4 * g) / NEUTRAL_GUIDANCE);
  const bell = () => (rand() + rand() - 1) * 2.45;
  // Latent noise: diffusion works on an 8× smaller latent, so early noise comes in blocks.
  const latent = filled(grid * grid * 3, () => 0.45 * sigma * bell());
  // Pixel grain: one table read at a random offset per row costs far less than a PRNG per pixel.
  const grainSpan = 1 << 16;
  const grain = filled(grainSpan + w * 3, () => 0.55 * sigma * bell());

  const gx = new Int32Array(w);
  const fx = new Float32Array(w);
  const lx = new Int32Array(w);
  for (let x = 0; x < w; x++) {
    const g = (x / w) * grid;
    gx[x] = Math.floor(g);
    fx[x] = g - gx[x]!;
    lx[x] = Math.min(grid - 1, gx[x]!) * 3;
  }
  // Each row draws one number for its grain; skip those of the rows before this band.
  for (let y = 0; y < from; y++) rand();
  const n = new Float64Array(w);
  const m = new Float64Array(w);
  const t = new Float64Array(w);
  const { brightness } = style;
  const lutTop = (LUT_SIZE - 1) * 3;
  // Set only for edits and control images, so a plain render's loop does no more than before.
  const pull = input.guide ? guideRows(input.guide, w, h) : undefined;
  for (let y = from; y < to; y++) {
    const g = (y / h) * grid;
    const gy = Math.floor(g);
    const fy = g - gy;
    const row = gy * g1;
    const latentRow = Math.min(grid - 1, gy) * grid * 3;
    const grainRow = Math.floor(rand() * grainSpan) - (y * w * 3);
    for (let x = 0; x < w; x++) {
      const i = row + gx[x]!;
      const tx = fx[x]!;
      const c0 = cloud[i]! + (cloud[i + 1]! - cloud[i]!) * tx;
      const c1 = cloud[i + g1]! + (cloud[i + g1 + 1]! - cloud[i + g1]!) * tx;
      const s0 = swirl[i]! + (swirl[i + 1]! - swirl[i]!) * tx;
      const s1 = swirl[i + g1]! + (swirl[i + g1 + 1]! - swirl[i + g1]!) * tx;
      n[x] = c0 + (c1 - c0) * fy;
      m[x] = s0 + (s1 - s0) * fy;
    }
    field(y, n, m, t);
    if (pull) pull(y, t);
    for (let x = 0, o = y * w * 3; x < w; x++, o += 3) {
      const v = 0.5 + (t[x]! + brightness - 0.5) * contrast;
      const li = v <= 0 ? 0 : v >= 1 ? lutTop : ((v * (LUT_SIZE - 1)) | 0) * 3;
      const lo = latentRow + lx[x]!;
      const go = grainRow + o;
      // The per-channel sums unrolled, in the same order; the Uint8Array store truncates.
      const r = lut[li]! + grain[go]! + latent[lo]!;
      const gg = lut[li + 1]! + grain[go + 1]! + latent[lo + 1]!;
      const b = lut[li + 2]! + grain[go + 2]! + latent[lo + 2]!;
      out[o] = r < 0 ? 0 : r > 255 ? 255 : r;
      out[o + 1] = gg < 0 ? 0 : gg > 255 ? 255 : gg;
      out[o + 2] = b < 0 ? 0 : b > 255 ? 255 : b;
    }
  }
}
