// The local engine's LoRA adapter routes: each restyles a finished picture as a whole (in a worker
// thread, after its bands are painted). Pure and deterministic, and no sharp: workers load this.

export const ADAPTER_ROUTES = ['watercolor', 'blueprint'] as const;
export type AdapterRoute = (typeof ADAPTER_ROUTES)[number];
export const isAdapterRoute = (route: string): route is AdapterRoute => (ADAPTER_ROUTES as readonly string[]).includes(route);

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
