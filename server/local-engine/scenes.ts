// The local engine's scenes, one per composition the prompt asks for: each, given the seed's draws,
// returns a function that fills a row with positions along the palette ramp.
import { fbmLine, hash3 } from './noise';
import type { Style } from './style';

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

export const SCENES: Record<Style['composition'], Scene> = { landscape, seascape, city, cosmos, portrait, abstract };
