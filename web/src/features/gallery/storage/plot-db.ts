// Plots in IndexedDB (their own store; their cells are ordinary entries in the gallery's): written
// when a plot starts, so that it can be reopened, resumed and re-run after a reload or a crash.
// Every read is checked with the plot schema, loaded beside it (not in the first paint).
import { clear, createStore, del, get, set, values } from 'idb-keyval';
import type { PlotRecord } from '@/lib/plot';

const plots = createStore('friendli-studio-plots', 'plots');
const schema = () => import('./plot-schema');

export const savePlot = (plot: PlotRecord) => set(plot.id, plot, plots);

/** The plot, or undefined when there is none by that id or its record is damaged. */
export async function getPlot(id: string): Promise<PlotRecord | undefined> {
  const [raw, { parsePlot }] = await Promise.all([get<unknown>(id, plots), schema()]);
  return parsePlot(raw);
}

/** Every stored plot, newest first; damaged records are skipped and counted. */
export async function listPlots(): Promise<{ plots: PlotRecord[]; damaged: number }> {
  const [raws, { parsePlot }] = await Promise.all([values<unknown>(plots), schema()]);
  const good = raws.map(parsePlot).filter((p): p is PlotRecord => p !== undefined);
  return { plots: good.sort((a, b) => b.createdAt - a.createdAt), damaged: raws.length - good.length };
}

export const deletePlot = (id: string) => del(id, plots);

export const clearPlots = () => clear(plots);
