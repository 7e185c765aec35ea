// The studio: the control panel and a large result area on wide screens, stacked on a phone. It
// composes the features: a finished job's images go to the gallery (onGenerated); gallery entries,
// links and dropped files put their parameters back into the form.
import { Suspense, useEffect } from 'react';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { lazyRetry } from '@/lib/lazy-retry';
import { AccountMenu } from '@/features/account/components/account-menu';
import { DropZone, ImportButton, ImportMessage } from '@/features/gallery/components/drop-zone';
import { ResultView } from '@/features/gallery/components/result-view';
import { SaveFailedAlert } from '@/features/gallery/components/save-failed-alert';
import { EngineBadge } from '@/features/generate/components/engine-badge';
import { GenerateForm } from '@/features/generate/components/generate-form';
import { useFormStore } from '@/features/generate/stores/form-store';
import { importFile } from './import-file';
import { Overlays } from './overlays';
import { prefetchChunks } from './prefetch-chunks';
import { useEntryEdits } from './use-entry-edits';
import { useResults } from './use-results';

// The gallery is not in the first paint's script: it loads as the page starts, beside the stored
// list it shows (read from IndexedDB meanwhile); Try again loads it again after a failed load.
const Gallery = lazyRetry(() => import('@/features/gallery/components/gallery').then((m) => ({ default: m.Gallery })));
// A plot in the result area, and the input images Clear all keeps, load when first needed.
let plotView: typeof import('./plot-view') | undefined;
const PlotView = lazyRetry(() => import('./plot-view').then((m) => ((plotView = m), { default: m.PlotView })));
/** Try again in the result area loads the plot view's code again, or its grid's, whichever failed. */
const reloadPlot = () => (PlotView.reload(), plotView?.reloadPlotGrid());
const heldInputs = () => import('@/features/generate/stores/held-inputs').then((m) => m.heldInputs());

export function App() {
  const apply = useFormStore((s) => s.apply);
  const edits = useEntryEdits();
  const { latest, saveError, onShown, shownPlotId, closePlot, onGenerated, onPlot, openPlot } = useResults();
  useEffect(prefetchChunks, []);

  return (
    <div className="min-h-screen bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <h1 className="text-lg font-semibold tracking-tight">Friendli Image Studio</h1>
        <div className="flex flex-wrap items-center gap-3">
          <EngineBadge />
          <AccountMenu />
        </div>
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
          <ImportButton onFile={importFile} />
        </aside>
        <div className="flex min-w-0 flex-col gap-8">
          <ErrorBoundary region="the latest image" onRetry={reloadPlot}>
            {shownPlotId ? (
              <Suspense fallback={<p className="text-sm text-zinc-500">Loading the plot…</p>}>
                <PlotView plotId={shownPlotId} onClose={closePlot} />
              </Suspense>
            ) : (
              <ResultView latest={latest} onShown={onShown} />
            )}
          </ErrorBoundary>
          <ErrorBoundary region="the gallery" onRetry={Gallery.reload}>
            <Suspense>
              <Gallery onReuse={apply} keepInputs={heldInputs} edits={edits} onOpenPlot={openPlot} />
            </Suspense>
          </ErrorBoundary>
        </div>
      </main>
      <Overlays onReuse={apply} edits={edits} />
      <DropZone onFile={importFile} />
    </div>
  );
}
