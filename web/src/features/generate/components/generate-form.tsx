// The control panel's place: the form itself (form-panel.tsx) is drawn once the server's settings
// and this tab's stored draft are in (until then it says the studio is loading, so nothing typed can
// be overwritten by the draft arriving). Its code loads beside them, not in the first paint's
// script; a load that fails can be tried again. Finished jobs are handed on from here, loaded or not.
import { Suspense, useEffect, type ReactNode } from 'react';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { lazyRetry } from '@/lib/lazy-retry';
import type { PlotRecord } from '@/lib/plot';
import { useConfig } from '@/features/generate/api/get-config';
import { useOnGenerated } from '@/features/generate/hooks/use-on-generated';
import { useFormLoad } from '@/features/generate/stores/form-store';
import type { DoneListener } from '@/features/generate/stores/job-done';

const loadPanel = () => import('./form-panel');
const FormPanel = lazyRetry(() => loadPanel().then((m) => ({ default: m.FormPanel })));

const loading = <p className="text-sm text-zinc-500">Loading the studio…</p>;

/**
 * `onGenerated` stores each finished job's images; the job is done once it resolves. `onPlot` keeps
 * a plot's record before its cells are queued (a plot that cannot be kept does not start).
 */
export function GenerateForm({ onGenerated, onPlot, notices }: { onGenerated: DoneListener; onPlot?: (record: PlotRecord) => Promise<void> | void; notices?: ReactNode }) {
  useOnGenerated(onGenerated);
  const config = useConfig();
  const loaded = useFormLoad((s) => s.loaded);
  // Fetched as the page starts, beside the settings and the draft (a failure shows when it is drawn).
  useEffect(() => void loadPanel().catch(() => undefined), []);

  if (config.isError) {
    return <p role="alert" className="text-sm text-red-700 dark:text-red-400">Could not load the studio’s settings: {config.error.message} Reload the page to try again.</p>;
  }
  if (loaded === 'failed') return <p role="alert" className="text-sm text-red-700 dark:text-red-400">Could not load the form. Reload the page to try again.</p>;
  if (config.isPending || loaded === 'pending') return loading;
  return (
    <ErrorBoundary region="the form" onRetry={FormPanel.reload}>
      <Suspense fallback={loading}>
        <FormPanel config={config.data} onPlot={onPlot} notices={notices} />
      </Suspense>
    </ErrorBoundary>
  );
}
