// The chunks that Generate (and a plot's planner, view and grid), Download (and Download grid), Export,
// Import, the viewer and Compare, Edit and Use as control image, and Clear all need, fetched once the page is idle: the first paint stays small, and
// those actions still work later if the server has gone away (the bytes they handle are all in IndexedDB).
export function prefetchChunks() {
  const run = () => {
    for (const load of [
      () => import('@/features/gallery/utils/download'),
      () => import('@/features/gallery/api/archive'),
      () => import('@/features/gallery/utils/import-file'),
      () => import('@/features/gallery/utils/plot-sheet-meta'),
      () => import('@/features/gallery/utils/contact-sheet'),
      () => import('@/features/gallery/components/plot-group-actions'),
      () => import('@/features/gallery/components/plot-grid'),
      () => import('./job-entries'),
      () => import('./plot-view'),
      () => import('./edit-entry'),
      () => import('@/features/generate/stores/held-inputs'),
      () => import('@/features/gallery/api/import-gallery'),
      () => import('@/features/generate/utils/plan-jobs'),
      () => import('@/features/generate/utils/plot-run'),
      () => import('@/features/generate/utils/error-advice'),
      () => import('@/features/gallery/components/viewer'),
      () => import('@/features/gallery/components/compare'),
    ]) {
      // A failure here is not cached (see lib/lazy-retry): the action loads it again when used.
      load().catch(() => undefined);
    }
  };
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 1000);
}
