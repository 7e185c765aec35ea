// A plot's contact sheet: its cells for one Z value drawn on a canvas as a labelled grid (axis
// titles, each column's and row's value, the prompt and fixed parameters in a footer), with the
// plot embedded (plot-sheet-meta.ts), so that dropping the sheet restores it. A cell's stack of
// images is drawn side by side. A grid wider or taller than a canvas may be (SHEET_MAX_SIDE) is
// split into parts, each a sheet of some columns and rows; a grid too large to draw at all
// (GRID_MAX_PIXELS) is refused before drawing. Loaded on first use (Download grid), never in the first paint.
import { strToU8, zipSync } from 'fflate';
import { axisLabel, cellId, type PlotRecord } from '@/lib/plot';
import { embedPlot, valueText } from './plot-sheet-meta';

export { readSheet } from './plot-sheet-meta';

export const SHEET = {
  pad: 16,
  gap: 8,
  /** The title line (axes) and the column headers above the grid. */
  title: 24,
  colHead: 24,
  /** The row headers' column, when there is a Y axis. */
  rowHead: 160,
  /** Footer: the prompt (up to 3 lines) and the fixed parameters (1 line). */
  line: 18,
  footerLines: 4,
} as const;

/** Largest side of one sheet, in px: browsers refuse canvases past 32,767 px or 268 M px, and one this size is 256 MB to draw. */
export const SHEET_MAX_SIDE = 8192;
/** All of a plot's sheets together, in px: more would be gigabytes of drawing and of the zip held in memory. */
export const GRID_MAX_PIXELS = 400_000_000;

/** Which columns and rows of the grid one sheet holds (its part of a grid split across sheets). */
export interface SheetPart {
  cols: number[];
  rows: number[];
  /** 1-based place of this part, and how many parts each Z value's grid has. */
  index: number;
  of: number;
}

export interface SheetOptions {
  size?: number;
  z?: number;
  part?: SheetPart;
}

const on = (off: number[] | undefined, n: number) => Array.from({ length: n }, (_, i) => i).filter((i) => !off?.includes(i));
const allCols = (plot: PlotRecord) => on(plot.definition.x.off, plot.axes.x.values.length);
const allRows = (plot: PlotRecord) => (plot.axes.y ? on(plot.definition.y?.off, plot.axes.y.values.length) : [0]);

/** The columns, rows and stack width drawn for a plot (or one part of it): values switched off are left out. */
export function sheetLayout(plot: PlotRecord, size = 384, part?: Pick<SheetPart, 'cols' | 'rows'>) {
  const cols = part?.cols ?? allCols(plot);
  const rows = part?.rows ?? allRows(plot);
  const perCell = plot.definition.perCell;
  const cellW = size * perCell;
  const left = SHEET.pad + (plot.axes.y ? SHEET.rowHead : 0);
  const top = SHEET.pad + SHEET.title + SHEET.colHead;
  const gridW = cols.length * cellW + Math.max(0, cols.length - 1) * SHEET.gap;
  const gridH = rows.length * size + Math.max(0, rows.length - 1) * SHEET.gap;
  const width = left + gridW + SHEET.pad;
  const height = top + gridH + SHEET.gap + SHEET.footerLines * SHEET.line + SHEET.pad;
  return { cols, rows, perCell, cellW, left, top, width, height };
}

/** The Z values drawn (switched off ones left out); [0] without a Z axis. */
export const sheetZs = (plot: PlotRecord) => (plot.axes.z ? on(plot.definition.z?.off, plot.axes.z.values.length) : [0]);

const chunks = (list: number[], n: number) => Array.from({ length: Math.max(1, Math.ceil(list.length / n)) }, (_, i) => list.slice(i * n, (i + 1) * n));

/**
 * The parts each Z value's grid is drawn in: as many columns and rows per sheet as fit in
 * SHEET_MAX_SIDE (one part when the whole grid fits), left to right, then top to bottom.
 */
export function sheetParts(plot: PlotRecord, size = 384): SheetPart[] {
  const whole = sheetLayout(plot, size);
  const fit = (room: number, step: number) => Math.max(1, Math.floor((room + SHEET.gap) / step));
  const perRow = fit(SHEET_MAX_SIDE - whole.left - SHEET.pad, whole.cellW + SHEET.gap);
  const perCol = fit(SHEET_MAX_SIDE - whole.top - SHEET.gap - SHEET.footerLines * SHEET.line - SHEET.pad, size + SHEET.gap);
  const colGroups = chunks(whole.cols, perRow);
  const rowGroups = chunks(whole.rows, perCol);
  const of = colGroups.length * rowGroups.length;
  return rowGroups.flatMap((rows, r) => colGroups.map((cols, c) => ({ cols, rows, index: r * colGroups.length + c + 1, of })));
}

/** Why this plot's grid is not drawn at this size (before any drawing), or null when it can be. */
export function gridRefusal(plot: PlotRecord, size = 384): string | null {
  const parts = sheetParts(plot, size);
  const pixels = parts.reduce((n, part) => {
    const L = sheetLayout(plot, size, part);
    return n + L.width * L.height;
  }, 0) * sheetZs(plot).length;
  if (pixels <= GRID_MAX_PIXELS) return null;
  const remedy = size > 256 ? 'Choose a smaller cell size, or switch some values off.' : 'Switch some values off.';
  return `At ${size} px a cell this grid would be ${Math.round(pixels / 1e6)} million pixels, more than the ${GRID_MAX_PIXELS / 1e6} million one download holds. ${remedy}`;
}

type Ctx = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function canvas(width: number, height: number): { ctx: Ctx; toBlob(): Promise<Blob> } {
  if (typeof OffscreenCanvas !== 'undefined') {
    const c = new OffscreenCanvas(width, height);
    return { ctx: c.getContext('2d')!, toBlob: () => c.convertToBlob({ type: 'image/png' }) };
  }
  const c = Object.assign(document.createElement('canvas'), { width, height });
  return { ctx: c.getContext('2d')!, toBlob: () => new Promise((ok, fail) => c.toBlob((b) => (b ? ok(b) : fail(new Error('The sheet could not be drawn.'))), 'image/png')) };
}

/** The text cut with an ellipsis to fit `max` px. */
function fit(ctx: Ctx, text: string, max: number) {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** Up to `lines` lines of `text` wrapped at words to `max` px, the last cut with an ellipsis. */
function wrap(ctx: Ctx, text: string, max: number, lines: number) {
  const out: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width <= max || !line) line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length > lines) out.splice(lines - 1, out.length, out.slice(lines - 1).join(' '));
  return out.map((l) => fit(ctx, l, max));
}

async function drawImage(ctx: Ctx, blob: Blob, x: number, y: number, size: number) {
  const bitmap = await createImageBitmap(blob);
  try {
    const scale = Math.min(size / bitmap.width, size / bitmap.height);
    const w = bitmap.width * scale;
    const h = bitmap.height * scale;
    ctx.drawImage(bitmap, x + (size - w) / 2, y + (size - h) / 2, w, h);
  } finally {
    bitmap.close();
  }
}

function missing(ctx: Ctx, x: number, y: number, size: number, what = 'missing') {
  ctx.fillStyle = '#f4f4f5';
  ctx.fillRect(x, y, size, size);
  ctx.strokeStyle = '#a1a1aa';
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
  ctx.fillStyle = '#52525b';
  ctx.textAlign = 'center';
  ctx.fillText(what, x + size / 2, y + size / 2);
  ctx.textAlign = 'left';
}

/** One sheet: the plot's cells for Z value `z` (or one part of them), each `size` px, as a PNG carrying the plot. */
export async function renderSheet(plot: PlotRecord, cells: Map<string, Blob>, { size = 384, z = 0, part }: SheetOptions = {}): Promise<Blob> {
  const L = sheetLayout(plot, size, part);
  const { ctx, toBlob } = canvas(L.width, L.height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, L.width, L.height);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#18181b';
  ctx.font = 'bold 14px system-ui, sans-serif';
  const { x: ax, y: ay, z: az } = plot.axes;
  const partText = part && part.of > 1 ? `Part ${part.index} of ${part.of}` : '';
  const title = [`X: ${axisLabel(ax.kind)}`, ay ? `Y: ${axisLabel(ay.kind)}` : '', az ? `${axisLabel(az.kind)}: ${valueText(az.values[z] ?? null)}` : '', partText].filter(Boolean).join('   ·   ');
  ctx.fillText(fit(ctx, title, L.width - 2 * SHEET.pad), SHEET.pad, SHEET.pad + SHEET.title / 2);
  ctx.font = '13px system-ui, sans-serif';
  L.cols.forEach((xi, c) => {
    const x = L.left + c * (L.cellW + SHEET.gap);
    ctx.fillText(fit(ctx, `${axisLabel(ax.kind)}: ${valueText(ax.values[xi] ?? null)}`, L.cellW - 4), x, SHEET.pad + SHEET.title + SHEET.colHead / 2);
  });
  const draws: Promise<void>[] = [];
  L.rows.forEach((yi, r) => {
    const y = L.top + r * (size + SHEET.gap);
    if (ay) {
      ctx.fillStyle = '#18181b';
      wrap(ctx, `${axisLabel(ay.kind)}: ${valueText(ay.values[yi] ?? null)}`, SHEET.rowHead - 12, 3).forEach((t, i) => ctx.fillText(t, SHEET.pad, y + SHEET.line / 2 + i * SHEET.line));
    }
    L.cols.forEach((xi, c) => {
      for (let k = 0; k < L.perCell; k++) {
        const x = L.left + c * (L.cellW + SHEET.gap) + k * size;
        const blob = cells.get(cellId({ x: xi, y: yi, z, k }));
        if (!blob) missing(ctx, x, y, size);
        else draws.push(drawImage(ctx, blob, x, y, size).catch(() => missing(ctx, x, y, size, 'unreadable')));
      }
    });
  });
  await Promise.all(draws);
  ctx.fillStyle = '#3f3f46';
  ctx.font = '13px system-ui, sans-serif';
  const footTop = L.top + L.rows.length * size + (L.rows.length - 1) * SHEET.gap + SHEET.gap;
  const textW = L.width - 2 * SHEET.pad;
  const lines = [...wrap(ctx, `Prompt: ${plot.prompt}`, textW, SHEET.footerLines - 1), fit(ctx, plot.fixed, textW)];
  lines.forEach((t, i) => ctx.fillText(t, SHEET.pad, footTop + SHEET.line / 2 + i * SHEET.line));
  const png = new Uint8Array(await (await toBlob()).arrayBuffer());
  return new Blob([embedPlot(png, plot, plot.axes.z ? z : undefined) as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}

/** Every sheet: per Z value (switched off ones left out), each of its parts, in order. */
export async function renderSheets(plot: PlotRecord, cells: Map<string, Blob>, opts: Omit<SheetOptions, 'z' | 'part'> = {}) {
  const sheets: { z: number; part: SheetPart; blob: Blob }[] = [];
  const parts = sheetParts(plot, opts.size);
  for (const z of sheetZs(plot)) for (const part of parts) sheets.push({ z, part, blob: await renderSheet(plot, cells, { ...opts, z, part }) });
  return sheets;
}

/** How many sheets Download grid makes at this size. */
export const sheetCount = (plot: PlotRecord, size = 384) => sheetZs(plot).length * sheetParts(plot, size).length;

const safe = (text: string) => text.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'value';

/** Every sheet in one zip (stored, as PNGs are compressed already), named by its Z value and part. */
export async function sheetsZip(plot: PlotRecord, cells: Map<string, Blob>, opts: Omit<SheetOptions, 'z' | 'part'> = {}): Promise<Blob> {
  const files: Record<string, Uint8Array> = {};
  let split = false;
  for (const { z, part, blob } of await renderSheets(plot, cells, opts)) {
    const value = plot.axes.z ? safe(valueText(plot.axes.z.values[z] ?? null)) : 'sheet';
    split ||= part.of > 1;
    const suffix = part.of > 1 ? `-part-${String(part.index).padStart(2, '0')}-of-${part.of}` : '';
    files[`plot-${String(z + 1).padStart(2, '0')}-${value}${suffix}.png`] = new Uint8Array(await blob.arrayBuffer());
  }
  const per = plot.axes.z ? `one contact sheet per ${axisLabel(plot.axes.z.kind)}` : 'one contact sheet';
  const parts = split ? `, split into parts (each some columns and rows of the grid, at most ${SHEET_MAX_SIDE} px a side; the title says which part)` : '';
  files['README.txt'] = strToU8(`${per[0]!.toUpperCase()}${per.slice(1)}${parts}; drop any of them on Friendli Image Studio to restore the plot.\n`);
  return new Blob([zipSync(files, { level: 0 }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}
