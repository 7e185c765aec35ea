// The local engine's noise: a seeded PRNG, an integer hash, and fractal value noise on a lattice
// (two-dimensional for clouds and swirls, one-dimensional for ridge lines). Deterministic.
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
export function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x27d4eb2d) ^ Math.imul(b, 0x165667b1) ^ Math.imul(c, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** f() called length times in index order, as Float32Array.from(…, f) does, without its per-element cost. */
export function filled(length: number, f: () => number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = f();
  return out;
}

const smooth = (t: number) => t * t * (3 - 2 * t);
export const GRID = 128;
/** Every octave's lattice is always drawn, so steps refine one composition rather than pick another. */
export const MAX_OCTAVES = 6;
export const G1 = GRID + 1;

/** Fractal value noise on a GRID×GRID lattice, values 0..1; more octaves, finer detail. */
export function fbmGrid(rand: () => number, octaves: number): Float32Array {
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
export function fbmLine(rand: () => number, length: number, octaves: number): Float32Array {
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
