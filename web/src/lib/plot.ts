// The X/Y/Z plot as the studio keeps it: its definition (axes as typed, values switched off, images
// per cell) and, fixed when it starts, every cell's request (random seeds drawn once), so that Resume
// and a re-run make exactly the cells planned. Its cells are ordinary gallery entries whose group is
// the plot (kind 'plot') and whose `cell` says where they sit. Shared by the generate feature (which
// plans a plot), the gallery (which stores it and shows its grid) and the app.
import type { GalleryEntry, RequestParams } from './params';

/** What an axis can vary, each declared once with its label (the plot schema takes these kinds). */
const AXIS_LABELS = {
  seed: 'Seed',
  steps: 'Steps',
  guidance: 'Guidance scale',
  'prompt-sr': 'Prompt S/R',
  endpoint: 'Endpoint',
  adapter: 'Adapter',
  style: 'Style',
} as const;

export type AxisKind = keyof typeof AXIS_LABELS;
export type AxisValue = number | string | null;

export const AXIS_KINDS = Object.entries(AXIS_LABELS).map(([kind, label]) => ({ kind: kind as AxisKind, label }));

/** No axis may hold more values than this; a plot is refused over 100 images anyway. */
export const AXIS_MAX_VALUES = 100;
/** Images per cell, at consecutive seeds. */
export const PER_CELL_MAX = 4;

/**
 * Cells a plot keeps, values switched off included: the product of its axes' lengths and its images
 * per cell. The planner refuses more, and a stored or imported record past it is refused too.
 */
export const PLOT_MAX_PLANNED = 4000;

export const axisLabel = (kind: AxisKind): string => AXIS_LABELS[kind] ?? kind;

export interface PlotAxis {
  kind: AxisKind;
  /** The values as typed ("1, 4, 8", "2-10 (+2)", "random x4"). */
  text: string;
  /** Indexes of values switched off: not run (cells already made are kept). */
  off?: number[];
}

export interface PlotDefinition {
  x: PlotAxis;
  y: PlotAxis | null;
  z: PlotAxis | null;
  /** Images per cell, 1 to 4, at consecutive seeds. */
  perCell: number;
}

/** Where an image sits in its plot: indexes into each axis's values (0 for an absent axis), and its place in the cell's stack. */
export interface CellKey {
  x: number;
  y: number;
  z: number;
  k: number;
}

export interface PlottedAxis {
  kind: AxisKind;
  /** The values the text named, as planned (random seeds drawn): the headers. */
  values: AxisValue[];
}

export interface PlannedCell extends CellKey {
  request: RequestParams;
  basePrompt: string;
  styles: string[];
}

export interface PlotRecord {
  id: string;
  createdAt: number;
  definition: PlotDefinition;
  axes: { x: PlottedAxis; y: PlottedAxis | null; z: PlottedAxis | null };
  /** The prompt as typed and the parameters every cell shares (for the sheet's footer). */
  prompt: string;
  fixed: string;
  /** Every cell of every value, switched off or not: switching a value on again needs no new plan. */
  cells: PlannedCell[];
}

export const cellId = ({ x, y, z, k }: CellKey) => `${x}:${y}:${z}:${k}`;

/** Whether a cell is to be run: none of its values switched off. */
export function isOn(definition: PlotDefinition, cell: CellKey): boolean {
  const on = (axis: PlotAxis | null, i: number) => !axis?.off?.includes(i);
  return on(definition.x, cell.x) && on(definition.y, cell.y) && on(definition.z, cell.z);
}

/** The plot's entries by cell (the newest when a cell was re-run). */
export function entriesByCell(plotId: string, entries: readonly GalleryEntry[]): Map<string, GalleryEntry> {
  const byCell = new Map<string, GalleryEntry>();
  for (const entry of entries) {
    if (entry.group?.id !== plotId || !entry.cell) continue;
    const id = cellId(entry.cell);
    const known = byCell.get(id);
    if (!known || known.createdAt < entry.createdAt) byCell.set(id, entry);
  }
  return byCell;
}

/** The cells switched on that have no stored image yet: what Resume runs. */
export function missingCells(plot: PlotRecord, entries: readonly GalleryEntry[]): PlannedCell[] {
  const made = entriesByCell(plot.id, entries);
  return plot.cells.filter((cell) => isOn(plot.definition, cell) && !made.has(cellId(cell)));
}
