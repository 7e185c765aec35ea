// Plots in IndexedDB (their own store; their cells are ordinary entries in the gallery's): written
// when a plot starts, so that it can be reopened, resumed and re-run after a reload or a crash.
// Every read is checked with the plot schema, loaded beside it (not in the first paint).
import { clear, createStore, get, set } from 'idb-keyval';
import type { PlotRecord } from '@/lib/plot';

const plots = createStore('friendli-studio-plots', 'plots');
const schema = () => import('./plot-schema');

export const savePlot = (plot: PlotRecord) => set(plot.id, plot, plots);

/** The plot, or undefined when there is none by that id or its record is damaged. */
export async function getPlot(id: string): Promise<PlotRecord | undefined> {
  const [raw, { parsePlot }] = await Promise.all([get<unknown>(id, plots), schema()]);
  return parsePlot(raw);
}

export const clearPlots = () => clear(plots);
