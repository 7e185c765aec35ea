// Plots as react-query data read from IndexedDB: one plot by id (its grid, its Download grid), under
// the gallery's keys so that a reload of the list after an import reads it again; and the one way a
// plot changes after it started (a value switched off or on again), written back and cached at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlotRecord } from '@/lib/plot';
import { loadPlot, savePlot, type LoadedPlot } from '@/features/gallery/storage/plot-db';
import { galleryKeys } from './gallery';

export type { LoadedPlot };

/** Stores a plot as it starts, before its cells run, so that it can be reopened and resumed. */
export const startPlot = (plot: PlotRecord) => savePlot(plot);

export const plotKeys = {
  one: (id: string) => [...galleryKeys.all, 'plot', id] as const,
};

/**
 * The plot, or null with why: no such plot in this browser (never stored, cleared), or its record
 * refused (damaged, or more cells than a plan makes). Read again when the gallery's list is (an
 * import), else only changed here.
 */
export const usePlot = (id: string | null) =>
  useQuery<LoadedPlot>({ queryKey: plotKeys.one(id ?? ''), queryFn: () => loadPlot(id!), enabled: !!id, staleTime: Infinity });

/** The plot with one value of an axis switched off or on again. */
function toggled(plot: PlotRecord, axis: 'x' | 'y' | 'z', index: number): PlotRecord {
  const def = plot.definition[axis];
  if (!def) return plot;
  const off = def.off?.includes(index) ? def.off.filter((i) => i !== index) : [...(def.off ?? []), index].sort((a, b) => a - b);
  return { ...plot, definition: { ...plot.definition, [axis]: { ...def, off } } };
}

/**
 * Switches one value of an axis off or on again; the plot's cells already made are kept. Shown at
 * once (the checkbox follows the click), stored after; a failed write puts the plot back as it was.
 */
export function useTogglePlotValue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ next }: { before: PlotRecord; next: PlotRecord }) => savePlot(next),
    onMutate: async ({ next }) => {
      // A read of the plot still on its way (the list reloading) would bring the old record back.
      await client.cancelQueries({ queryKey: plotKeys.one(next.id) });
      client.setQueryData<LoadedPlot>(plotKeys.one(next.id), { plot: next });
    },
    onError: (_err, { before }) => client.setQueryData<LoadedPlot>(plotKeys.one(before.id), { plot: before }),
    // Read again only once stored, so that any read that raced the write ends with it.
    onSettled: (_data, _err, { next }) => client.invalidateQueries({ queryKey: plotKeys.one(next.id) }),
  });
}

export const togglePlotValue = (plot: PlotRecord, axis: 'x' | 'y' | 'z', index: number) => ({ before: plot, next: toggled(plot, axis, index) });
