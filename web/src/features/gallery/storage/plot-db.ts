// Plots in IndexedDB (their own store; their cells are ordinary entries in the gallery's): written
// when a plot starts, so that it can be reopened, resumed and re-run after a reload or a crash.
// Every read is checked with the plot schema, loaded beside it (not in the first paint).
import { clear, createStore, get, set, update } from 'idb-keyval';
import type { PlotRecord } from '@/lib/plot';
import { spaced } from '@/lib/user-space';

const plots = createStore(spaced('friendli-studio-plots'), 'plots');
const schema = () => import('@/lib/schema');

export const savePlot = (plot: PlotRecord) => set(plot.id, plot, plots);

/** A stored plot as read: the record, or null with why (absent, or refused by the check). */
export interface LoadedPlot {
  plot: PlotRecord | null;
  refused?: 'damaged' | 'too-large';
  /** For a plot too large: how many cells its axes name. */
  cells?: number;
}

export async function loadPlot(id: string): Promise<LoadedPlot> {
  const [raw, { checkPlot }] = await Promise.all([get<unknown>(id, plots), schema()]);
  if (raw === undefined) return { plot: null };
  const checked = checkPlot(raw);
  return checked.ok ? { plot: checked.plot } : { plot: null, refused: checked.why, ...(checked.cells ? { cells: checked.cells } : {}) };
}

/** The plot, or undefined when there is none by that id or its record is damaged. */
export const getPlot = async (id: string) => (await loadPlot(id)).plot ?? undefined;

/**
 * Stores an imported plot without ever changing one already stored (one transaction, so nothing
 * can slip in between the read and the write): 'added', 'same' (the stored record is this one
 * already) or 'taken' (another record has the id; it is left as it was).
 */
export async function addPlot(plot: PlotRecord): Promise<'added' | 'same' | 'taken'> {
  const { parsePlot } = await schema();
  const wanted = JSON.stringify(plot);
  let outcome: 'added' | 'same' | 'taken' = 'added';
  await update<unknown>(
    plot.id,
    (stored) => {
      if (stored === undefined) return plot;
      // Compared as the schema reads both, so that field order or unknown fields do not count.
      const known = parsePlot(stored);
      outcome = known && JSON.stringify(known) === wanted ? 'same' : 'taken';
      return stored;
    },
    plots,
  );
  return outcome;
}

export const clearPlots = () => clear(plots);
