// Where a finished job's images and a started plot go: the gallery stores them (the first image
// shown as the latest result), and the result area shows the plot started or reopened, or the
// latest image again once an image is made outside a plot.
import type { GenerateResponse } from '@server/contract';
import { useLatestResult } from '@/features/gallery/hooks/use-latest-result';
import { usePlotStore } from '@/features/gallery/stores/shown-plot-store';
import type { Job } from '@/features/generate/stores/queue-store';
import type { PlotRecord } from '@/lib/plot';

export function useResults() {
  const { latest, saveError, deliver, onShown } = useLatestResult();
  const shownPlotId = usePlotStore((s) => s.shownPlotId);
  const showPlot = usePlotStore((s) => s.show);
  return {
    latest,
    saveError,
    onShown,
    shownPlotId,
    closePlot: () => showPlot(null),
    onGenerated: (job: Job, response: GenerateResponse, images: Blob[]) => {
      // An image made outside a plot is the latest thing: the result area shows it again.
      if (!job.cell && !job.deliver) showPlot(null);
      // The mapping loads with the first finished job (the server that made it is there to serve it).
      return import('./job-entries').then(({ entriesOf }) => deliver(entriesOf(job, response, Date.now()), images, !job.cell));
    },
    // A plot is kept before its cells run, so it can be reopened and resumed.
    onPlot: async (record: PlotRecord) => {
      await (await import('@/features/gallery/api/plots')).startPlot(record);
      showPlot(record.id);
    },
    openPlot: (id: string) => {
      showPlot(id);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    },
  };
}
