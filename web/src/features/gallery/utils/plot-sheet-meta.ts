// What a plot's contact sheet carries: an iTXt `friendli-studio-plot` with {version: 1, plot} (the
// whole record) and a `parameters` text a person can read; and reading that record back from a
// dropped PNG, size-capped (before and while inflating) and checked with the plot schema: a sheet
// whose record is damaged or too large says so, anything else carries no plot.
import { axisLabel, type PlotRecord, type PlottedAxis } from '@/lib/plot';
import type { AxisValue } from '@/lib/plot-values';
import { checkPlot } from '@/lib/schema';
import { iTxt, isPng, rewritePng } from './png-text';
import { readTextChunk } from './png-text-chunk';

export const SHEET_KEY = 'friendli-studio-plot';
const TEXT_KEY = 'parameters';
/** Largest plot JSON read back, in characters (a full 4,000-cell record stays far below). */
export const SHEET_JSON_MAX = 8 * 1024 * 1024;

/** A header value as the sheet shows it: null (no adapter, no style) as "None". */
export const valueText = (value: AxisValue) => (value === null ? 'None' : String(value));

const axisLine = (name: string, axis: PlottedAxis | null) => (axis ? `${name}: ${axisLabel(axis.kind)} = ${axis.values.map(valueText).join(' | ')}` : undefined);

/** The prompt, each axis with its values, the fixed parameters: a plot as a person reads it. */
export function plotParametersText(plot: PlotRecord, z?: number): string {
  const lines = [plot.prompt, axisLine('X axis', plot.axes.x), axisLine('Y axis', plot.axes.y), axisLine('Z axis', plot.axes.z)];
  if (plot.axes.z && z !== undefined) lines.push(`This sheet: ${axisLabel(plot.axes.z.kind)} = ${valueText(plot.axes.z.values[z] ?? null)}`);
  lines.push(`Images per cell: ${plot.definition.perCell}`, plot.fixed);
  return lines.filter((l): l is string => l !== undefined && l !== '').join('\n');
}

/** The PNG with the plot embedded (earlier texts of ours replaced). */
export function embedPlot(png: Uint8Array, plot: PlotRecord, z?: number): Uint8Array {
  return rewritePng(png, [SHEET_KEY, TEXT_KEY], [iTxt(TEXT_KEY, plotParametersText(plot, z)), iTxt(SHEET_KEY, JSON.stringify({ version: 1, plot }))]);
}

/** What a dropped PNG carries: a plot, a plot record refused (damaged, or too large), or none. */
export type SheetRead = { plot: PlotRecord } | { refused: 'damaged' | 'too-large' } | undefined;

export function inspectSheet(bytes: Uint8Array): SheetRead {
  if (!isPng(bytes)) return undefined;
  const chunk = readTextChunk(bytes, SHEET_KEY, SHEET_JSON_MAX);
  if (!chunk || 'refused' in chunk) return chunk;
  let raw: unknown;
  try {
    raw = JSON.parse(chunk.text);
  } catch {
    return { refused: 'damaged' };
  }
  if (!raw || typeof raw !== 'object' || (raw as { version?: unknown }).version !== 1) return { refused: 'damaged' };
  const checked = checkPlot((raw as { plot?: unknown }).plot);
  return checked.ok ? { plot: checked.plot } : { refused: checked.why === 'too-large' ? 'too-large' : 'damaged' };
}

/** The plot a sheet carries, or undefined: not a PNG, damaged, no plot, too large, or not a valid plot. */
export function readSheet(bytes: Uint8Array): PlotRecord | undefined {
  const read = inspectSheet(bytes);
  return read && 'plot' in read ? read.plot : undefined;
}