// Plots as react-query data read from IndexedDB: one plot by id (its grid), and the one way a plot
// changes after it started (a value switched off or on again), written back and cached at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlotRecord } from '@/lib/plot';
import { getPlot, savePlot } from '@/features/gallery/storage/plot-db';

export const plotKeys = {
  all: ['plots'] as const,
  one: (id: string) => [...plotKeys.all, id] as const,
};

/** null: no such plot in this browser (never stored, cleared, or its record is damaged). */
export const usePlot = (id: string | null) =>
  useQuery({ queryKey: plotKeys.one(id ?? ''), queryFn: async () => (await getPlot(id!)) ?? null, enabled: !!id, staleTime: Infinity });

/** Switches one value of an axis off or on again; the plot's cells already made are kept. */
export function useTogglePlotValue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ plot, axis, index }: { plot: PlotRecord; axis: 'x' | 'y' | 'z'; index: number }) => {
      const def = plot.definition[axis];
      if (!def) return plot;
      const off = def.off?.includes(index) ? def.off.filter((i) => i !== index) : [...(def.off ?? []), index].sort((a, b) => a - b);
      const next: PlotRecord = { ...plot, definition: { ...plot.definition, [axis]: { ...def, off } } };
      await savePlot(next);
      return next;
    },
    onSuccess: (plot) => client.setQueryData(plotKeys.one(plot.id), plot),
  });
}

/** Stores a plot that just started (or was imported) and caches it. */
export function useSavePlot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (plot: PlotRecord) => (await savePlot(plot), plot),
    onSuccess: (plot) => client.setQueryData(plotKeys.one(plot.id), plot),
  });
}
