// The studio: the control panel and a large result area on wide screens, stacked on a phone. It
// composes the features: a finished job's images go to the gallery (onGenerated); gallery entries,
// links and dropped files put their parameters back into the form.
import { useEffect } from 'react';
import type { GenerateResponse } from '@server/contract';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { Gallery } from '@/features/gallery/components/gallery';
import { startPlot } from '@/features/gallery/api/plots';
import { SaveFailedAlert } from '@/features/gallery/components/save-failed-alert';
import { useConfig } from '@/features/generate/api/get-config';
import { EngineBadge } from '@/features/generate/components/engine-badge';
import { GenerateForm } from '@/features/generate/components/generate-form';
import { useFormStore } from '@/features/generate/stores/form-store';
import { enqueuePlotCells } from '@/features/generate/utils/enqueue-plot';
import { useQueueStore, type Job } from '@/features/generate/stores/queue-store';
import type { PlotRecord } from '@/lib/plot';
import type { ControlInput, InputRef } from '@/lib/params';
import { DropZone, ImportButton, ImportMessage } from './drop-zone';
import { Overlays } from './overlays';
import { prefetchChunks } from './prefetch-chunks';
import { usePlotStore } from './plot-store';
import { PlotView, reloadPlotGrid } from './plot-view';
import { ResultView } from './result-view';
import { useLatestResult } from './use-latest-result';
import { useEntryEdits } from './use-entry-edits';
import { useLinkRestore } from './use-link-restore';

const hashes = ({ source, controls }: { source?: InputRef | null; controls?: ControlInput[] }) => [...(source ? [source.hash] : []), ...(controls ?? []).map((c) => c.image.hash)];

/**
 * The input images still needed outside the gallery: the form's, and those of the queue's jobs not
 * done (waiting or running, or failed or cancelled, which Retry runs again). Clear all keeps them.
 */
const formInputs = () => [...hashes(useFormStore.getState()), ...useQueueStore.getState().jobs.flatMap((job) => (job.status === 'done' ? [] : hashes(job.request)))];

export function App() {
  const endpoint = useConfig().data?.endpoint ?? null;
  const apply = useFormStore((s) => s.apply);
  const edits = useEntryEdits();
  const { latest, saveError, deliver, onShown } = useLatestResult();
  useLinkRestore();
  useEffect(prefetchChunks, []);
  // The mapping loads with the first finished job (the server that made it is there to serve it).
  const shownPlotId = usePlotStore((s) => s.shownPlotId);
  const showPlot = usePlotStore((s) => s.show);
  const onGenerated = (job: Job, response: GenerateResponse, images: Blob[]) => {
    // An image made outside a plot is the latest thing: the result area shows it again.
    if (!job.cell && !job.deliver) showPlot(null);
    return import('./job-entries').then(({ entriesOf }) => deliver(entriesOf(job, response, endpoint, Date.now()), images, !job.cell));
  };
  const openPlot = (id: string) => {
    showPlot(id);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  // A plot is kept before its cells run, so it can be reopened and resumed.
  const onPlot = async (record: PlotRecord) => {
    await startPlot(record);
    usePlotStore.getState().show(record.id);
  };

  return (
    <div className="min-h-screen bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <h1 className="text-lg font-semibold tracking-tight">Friendli Image Studio</h1>
        <EngineBadge />
      </header>
      {/* On wide screens the panel keeps to the window and scrolls inside itself, its action bar
          pinned (its height leaves room for the page header above it before the page scrolls); on a
          phone the action bar is pinned to the window, so the page leaves room below. */}
      <main className="mx-auto flex max-w-[1600px] flex-col gap-6 p-4 pb-40 lg:grid lg:grid-cols-[380px_minmax(0,1fr)] lg:items-start lg:p-6">
        <aside aria-label="Controls" className="flex flex-col gap-5 rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm lg:sticky lg:top-4 lg:max-h-[calc(100dvh-6rem)] lg:overflow-y-auto lg:overscroll-contain dark:border-zinc-800 dark:bg-zinc-900">
          <ErrorBoundary region="the form">
          <GenerateForm
            onGenerated={onGenerated}
            onPlot={onPlot}
            notices={
              <>
                {saveError && latest && <SaveFailedAlert error={saveError} url={latest.url} entry={latest.entry} />}
                <ImportMessage />
              </>
            }
          />
          </ErrorBoundary>
          <ImportButton />
        </aside>
        <div className="flex min-w-0 flex-col gap-8">
          <ErrorBoundary region="the latest image" onRetry={reloadPlotGrid}>
            {shownPlotId ? (
              <PlotView plotId={shownPlotId} onRun={enqueuePlotCells} onClose={() => showPlot(null)} />
            ) : (
              <ResultView latest={latest} onShown={onShown} />
            )}
          </ErrorBoundary>
          <ErrorBoundary region="the gallery">
            <Gallery onReuse={apply} keepInputs={formInputs} edits={edits} onOpenPlot={openPlot} />
          </ErrorBoundary>
        </div>
      </main>
      <Overlays onReuse={apply} edits={edits} />
      <DropZone />
    </div>
  );
}
