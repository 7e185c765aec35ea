// Paints the local engine's pictures: a procedural scene chosen by the prompt, varied by the seed,
// with steps acting like denoising (1 step: heavy latent noise and washed-out contrast; the top of
// the range: clean). Pure and deterministic: the same input always gives the same pixels.
import { readPrompt, type Style } from './style';

export interface RenderInput {
  prompt: string;
  seed: number;
  steps: number;
  width: number;
  height: number;
}

/** mulberry32: a tiny seeded PRNG; the engine's determinism rests on it. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer hash of three numbers to 0..1, for per-pixel and per-window decisions. */
function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x27d4eb2d) ^ Math.imul(b, 0x165667b1) ^ Math.imul(c, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** f() called length times in index order, as Float32Array.from(…, f) does, without its per-element cost. */
function filled(length: number, f: () => number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = f();
  return out;
}

const smooth = (t: number) => t * t * (3 - 2 * t);
const GRID = 128;
/** Every octave's lattice is always drawn, so steps refine one composition rather than pick another. */
const MAX_OCTAVES = 6;
const G1 = GRID + 1;

/** Fractal value noise on a GRID×GRID lattice, values 0..1; more octaves, finer detail. */
function fbmGrid(rand: () => number, octaves: number): Float32Array {
  const out = new Float32Array(G1 * G1);
  let amp = 1;
  let total = 0;
  for (let o = 0; o < MAX_OCTAVES; o++) {
    const cells = 3 << o;
    const lattice = filled((cells + 1) * (cells + 1), rand);
    if (o >= octaves) continue;
    for (let gy = 0; gy <= GRID; gy++) {
      const fy = (gy / GRID) * cells;
      const iy = Math.min(cells - 1, Math.floor(fy));
      const ty = smooth(fy - iy);
      for (let gx = 0; gx <= GRID; gx++) {
        const fx = (gx / GRID) * cells;
        const ix = Math.min(cells - 1, Math.floor(fx));
        const tx = smooth(fx - ix);
        const i = iy * (cells + 1) + ix;
        const top = lattice[i]! + (lattice[i + 1]! - lattice[i]!) * tx;
        const j = i + cells + 1;
        const bottom = lattice[j]! + (lattice[j + 1]! - lattice[j]!) * tx;
        out[gy * G1 + gx]! += amp * (top + (bottom - top) * ty);
      }
    }
    total += amp;
    amp *= 0.5;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= total;
  return out;
}

/** One-dimensional fractal noise across `length` pixels, values 0..1 (ridge lines). */
function fbmLine(rand: () => number, length: number, octaves: number): Float32Array {
  const out = new Float32Array(length);
  let amp = 1;
  let total = 0;
  for (let o = 0; o < MAX_OCTAVES; o++) {
    const cells = 2 << o;
    const lattice = filled(cells + 1, rand);
    if (o >= octaves) continue;
    for (let x = 0; x < length; x++) {
      const f = (x / length) * cells;
      const i = Math.floor(f);
      out[x]! += amp * (lattice[i]! + (lattice[i + 1]! - lattice[i]!) * smooth(f - i));
    }
    total += amp;
    amp *= 0.55;
  }
  for (let x = 0; x < length; x++) out[x]! /= total;
  return out;
}

/**
 * Fills row y of a scene: t[x] is a position along the palette ramp for pixel (x, y), given two
 * noise samples n[x] and m[x] in 0..1. Each scene runs its own loop over x, so its per-pixel
 * function has one call site and stays inlined whichever scenes this thread painted before.
 */
type RowField = (y: number, n: Float64Array, m: Float64Array, t: Float64Array) => void;
type Scene = (w: number, h: number, rand: () => number, octaves: number) => RowField;

/** A sky that lightens toward the horizon, with a sun or moon and its glow. */
function skyWithSun(w: number, h: number, rand: () => number, horizon: number) {
  const sx = w * (0.2 + 0.6 * rand());
  const sy = h * horizon * (0.45 + 0.4 * rand());
  const r = Math.min(w, h) * (0.04 + 0.05 * rand());
  const glow = 1 / (r * r * 12);
  return {
    sx,
    r,
    at(x: number, y: number, n: number): number {
      const dx = x - sx;
      const dy = y - sy;
      const d2 = dx * dx + dy * dy;
      if (d2 < r * r) return 1;
      // A rational falloff looks like exp(-d²) here at a fraction of the cost per pixel.
      return 0.38 + 0.45 * (y / (h * horizon)) + 0.14 * (n - 0.5) + 0.4 / (1 + d2 * glow);
    },
  };
}

const landscape: Scene = (w, h, rand, octaves) => {
  const horizon = 0.35 + 0.2 * rand();
  const sky = skyWithSun(w, h, rand, horizon);
  const layers = 4;
  const ridges = Array.from({ length: layers }, (_, i) => {
    const line = fbmLine(rand, w, octaves);
    const base = horizon + 0.08 + (i / layers) * (0.9 - horizon);
    const amp = 0.32 - i * 0.05;
    return line.map((v) => (base - amp * v) * h);
  });
  const pixel = (x: number, y: number, n: number): number => {
    for (let i = layers - 1; i >= 0; i--) {
      // Front ridges occlude the ones behind; distant ones fade into the sky's light.
      if (y > ridges[i]![x]!) return 0.05 + 0.34 * (1 - i / (layers - 1)) + 0.08 * (n - 0.5);
    }
    return sky.at(x, y, n);
  };
  return (y, n, _m, t) => {
    for (let x = 0; x < w; x++) t[x] = pixel(x, y, n[x]!);
  };
};

const seascape: Scene = (w, h, rand) => {
  const horizon = 0.42 + 0.16 * rand();
  const sky = skyWithSun(w, h, rand, horizon);
  const swell = 30 + 30 * rand();
  const hy = horizon * h;
  const pixel = (x: number, y: number, n: number, m: number): number => {
    if (y < hy) return sky.at(x, y, n);
    const depth = (y - hy) / (h - hy);
    const wave = Math.sin(swell / (depth + 0.08) + 9 * m + (x / w) * 10 * (n - 0.5));
    const glitter = Math.abs(x - sky.sx) < sky.r * (0.6 + 3 * depth) && wave > 0.2;
    return glitter ? 0.9 : 0.16 + 0.3 * (1 - depth) + 0.09 * wave;
  };
  return (y, n, m, t) => {
    for (let x = 0; x < w; x++) t[x] = pixel(x, y, n[x]!, m[x]!);
  };
};

const city: Scene = (w, h, rand) => {
  const horizon = 0.75;
  const sky = skyWithSun(w, h, rand, horizon);
  const top = new Float32Array(w);
  const left = new Int32Array(w);
  const id = new Int32Array(w);
  for (let x = 0, b = 0; x < w; b++) {
    const width = Math.ceil(w * (0.04 + 0.08 * rand()));
    const height = h * (0.2 + 0.55 * rand() ** 1.4);
    for (let i = x; i < Math.min(w, x + width); i++) {
      top[i] = h - height;
      left[i] = x;
      id[i] = b;
    }
    x += width;
  }
  const cw = Math.max(4, Math.round(w / 90));
  const ch = Math.round(cw * 1.5);
  const lit = 0.25 + 0.3 * rand();
  const salt = Math.floor(rand() * 1e9);
  const pixel = (x: number, y: number, n: number): number => {
    if (y < top[x]!) return sky.at(x, y, n * 0.8);
    const bx = x - left[x]!;
    const by = y - top[x]!;
    const cx = bx % cw;
    const cy = by % ch;
    if (bx > cw && cx > cw * 0.3 && cy > ch * 0.3 && cy < ch * 0.8 && cx < cw * 0.8) {
      if (hash3(id[x]! + salt, (bx / cw) | 0, (by / ch) | 0) < lit) return 0.93;
    }
    return 0.06 + 0.05 * (id[x]! % 3) + 0.05 * n;
  };
  return (y, n, _m, t) => {
    for (let x = 0; x < w; x++) t[x] = pixel(x, y, n[x]!);
  };
};

const cosmos: Scene = (w, h, rand) => {
  const px = w * (0.25 + 0.5 * rand());
  const py = h * (0.25 + 0.5 * rand());
  const pr = Math.min(w, h) * (0.12 + 0.15 * rand());
  const light = rand() * Math.PI * 2;
  const lx = Math.cos(light);
  const ly = Math.sin(light);
  const density = 0.002 + 0.003 * rand();
  const salt = Math.floor(rand() * 1e9);
  const pixel = (x: number, y: number, n: number, m: number): number => {
    const dx = x - px;
    const dy = y - py;
    const d2 = dx * dx + dy * dy;
    if (d2 < pr * pr) {
      const lit = (dx * lx + dy * ly) / pr + 0.6 * Math.sqrt(1 - d2 / (pr * pr));
      return 0.12 + 0.6 * Math.max(0, lit) + 0.07 * Math.sin((dy / pr) * 14 + 6 * m);
    }
    const star = hash3(x, y, salt);
    if (star < density) return 0.75 + 60 * star;
    const nebula = n * m * 2;
    return 0.04 + 0.62 * nebula * nebula;
  };
  return (y, n, m, t) => {
    for (let x = 0; x < w; x++) t[x] = pixel(x, y, n[x]!, m[x]!);
  };
};

const portrait: Scene = (w, h, rand) => {
  const cx = w * (0.4 + 0.2 * rand());
  const cy = h * (0.42 + 0.12 * rand());
  const radius = Math.min(w, h) * (0.2 + 0.08 * rand());
  const lobes = 3 + Math.floor(rand() * 4);
  const lobeAmp = 0.06 + 0.1 * rand();
  const phase = rand() * Math.PI * 2;
  const reach = radius * (1.2 + lobeAmp);
  const bokeh = Float64Array.from({ length: 27 }, (_, i) => (i % 3 === 2 ? (0.03 + 0.07 * rand()) * w : (i % 3 === 0 ? w : h) * rand()));
  const far = 1 / Math.hypot(w, h);
  const ring = radius * radius * 0.02;
  // The bokeh discs that cross the current row: the only ones a pixel of that row can fall in.
  const crossing = new Int32Array(bokeh.length / 3);
  let crossings = 0;
  const pixel = (x: number, y: number, n: number, m: number): number => {
    const dx = x - cx;
    const dy = y - cy;
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d < reach) {
      const edge = radius * (1 + lobeAmp * Math.sin(lobes * Math.atan2(dy, dx) + phase) + 0.12 * (m - 0.5));
      if (d < edge) {
        if (d > edge * 0.95) return 0.97;
        return 0.3 + 0.3 * (1 - (dx + dy) / (edge * 1.5)) + 0.12 * (n - 0.5);
      }
    }
    let t = 0.55 - 0.7 * d * far + 0.1 * (n - 0.5);
    for (let k = 0; k < crossings; k++) {
      const b = crossing[k]!;
      const ex = x - bokeh[b]!;
      const ey = y - bokeh[b + 1]!;
      const br = bokeh[b + 2]!;
      if (ex * ex + ey * ey < br * br) t += 0.18;
    }
    return t + 0.35 * Math.exp(-((d - radius) ** 2) / ring);
  };
  return (y, n, m, t) => {
    crossings = 0;
    for (let b = 0; b < bokeh.length; b += 3) {
      const ey = y - bokeh[b + 1]!;
      const br = bokeh[b + 2]!;
      if (ey * ey < br * br) crossing[crossings++] = b;
    }
    for (let x = 0; x < w; x++) t[x] = pixel(x, y, n[x]!, m[x]!);
  };
};

const abstract: Scene = (w, h, rand) => {
  const freq = 3 + 5 * rand();
  const angle = rand() * Math.PI;
  const ax = Math.cos(angle) / w;
  const ay = Math.sin(angle) / h;
  const warp = 4 + 4 * rand();
  const pixel = (x: number, y: number, n: number, m: number): number => 0.5 + 0.42 * Math.sin(Math.PI * 2 * freq * (x * ax + y * ay) + warp * n + 3 * m) + 0.1 * (m - 0.5);
  return (y, n, m, t) => {
    for (let x = 0; x < w; x++) t[x] = pixel(x, y, n[x]!, m[x]!);
  };
};

const SCENES: Record<Style['composition'], Scene> = { landscape, seascape, city, cosmos, portrait, abstract };

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
  const { width: w, height: h, steps } = input;
  const style = readPrompt(input.prompt);
  const rand = mulberry32((input.seed ^ style.hash) >>> 0);
  // Fine detail resolves as steps rise, as it does when a diffusion model denoises.
  const octaves = Math.min(MAX_OCTAVES, 2 + Math.floor(steps / 2));
  const cloud = fbmGrid(rand, octaves);
  const swirl = fbmGrid(rand, octaves);
  const field = SCENES[style.composition](w, h, rand, octaves);
  const lut = paletteLut(style);
  // Residual noise falls off with steps: a third of full scale at 1 step, under 1% at 10.
  const sigma = 90 / steps ** 1.7;
  const contrast = 1 - 0.4 / steps;
  const bell = () => (rand() + rand() - 1) * 2.45;
  // Latent noise: diffusion works on an 8× smaller latent, so early noise comes in blocks.
  const latent = filled(GRID * GRID * 3, () => 0.45 * sigma * bell());
  // Pixel grain: one table read at a random offset per row costs far less than a PRNG per pixel.
  const grainSpan = 1 << 16;
  const grain = filled(grainSpan + w * 3, () => 0.55 * sigma * bell());

  const gx = new Int32Array(w);
  const fx = new Float32Array(w);
  const lx = new Int32Array(w);
  for (let x = 0; x < w; x++) {
    const g = (x / w) * GRID;
    gx[x] = Math.floor(g);
    fx[x] = g - gx[x]!;
    lx[x] = Math.min(GRID - 1, gx[x]!) * 3;
  }
  // Each row draws one number for its grain; skip those of the rows before this band.
  for (let y = 0; y < from; y++) rand();
  const n = new Float64Array(w);
  const m = new Float64Array(w);
  const t = new Float64Array(w);
  const { brightness } = style;
  const lutTop = (LUT_SIZE - 1) * 3;
  for (let y = from; y < to; y++) {
    const g = (y / h) * GRID;
    const gy = Math.floor(g);
    const fy = g - gy;
    const row = gy * G1;
    const latentRow = Math.min(GRID - 1, gy) * GRID * 3;
    const grainRow = Math.floor(rand() * grainSpan) - (y * w * 3);
    for (let x = 0; x < w; x++) {
      const i = row + gx[x]!;
      const tx = fx[x]!;
      const c0 = cloud[i]! + (cloud[i + 1]! - cloud[i]!) * tx;
      const c1 = cloud[i + G1]! + (cloud[i + G1 + 1]! - cloud[i + G1]!) * tx;
      const s0 = swirl[i]! + (swirl[i + 1]! - swirl[i]!) * tx;
      const s1 = swirl[i + G1]! + (swirl[i + G1 + 1]! - swirl[i + G1]!) * tx;
      n[x] = c0 + (c1 - c0) * fy;
      m[x] = s0 + (s1 - s0) * fy;
    }
    field(y, n, m, t);
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
