// The viewer and Compare: loaded when first opened (or once the page is idle), keeping the first
// paint's JavaScript small; a load that fails is tried again on the next open (lazyRetry).
import { lazyRetry } from '@/lib/lazy-retry';
import { toRequest, type GalleryEntry, type ReuseParams } from '@/lib/params';
import type { EntryEdits } from '@/features/gallery/components/entry-actions';
import { useViewerStore } from '@/features/gallery/stores/viewer-store';
import { useGalleryViewStore } from '@/features/gallery/stores/gallery-view-store';
import { LazyOverlay } from './lazy-overlay';

const Viewer = lazyRetry(() => import('@/features/gallery/components/viewer').then((m) => ({ default: m.Viewer })));
const Compare = lazyRetry(() => import('@/features/gallery/components/compare').then((m) => ({ default: m.Compare })));

/** The same parameters once more (an edit's source and control images too), through the queue, outside the gallery: the bytes the engine gives now. */
const reproduce = async (entry: GalleryEntry) => {
  // Said before anything is sent: without its inputs, an edit would not be the same request.
  // (Loaded with the first check: the first paint's JavaScript stays small.)
  const missing = await (await import('@/features/gallery/api/missing-inputs')).missingInputs(entry);
  if (missing) throw new Error(missing);
  const { generateThroughQueue } = await import('@/features/generate/stores/queue-store');
  const image = await generateThroughQueue({ request: toRequest(entry), basePrompt: entry.prompt, styles: [], label: 'Reproduce check' });
  return new Uint8Array(await image.arrayBuffer());
};

export function Overlays({ onReuse, edits }: { onReuse(params: ReuseParams): void; edits?: EntryEdits }) {
  const viewerOpen = useViewerStore((s) => s.openId !== null);
  const comparing = useGalleryViewStore((s) => s.comparing);
  return (
    <>
      <LazyOverlay active={viewerOpen} region="the viewer" reload={Viewer.reload} onClose={() => useViewerStore.getState().close()}>
        <Viewer onReuse={onReuse} edits={edits} onReproduce={reproduce} />
      </LazyOverlay>
      <LazyOverlay active={comparing} region="Compare" reload={Compare.reload} onClose={() => useGalleryViewStore.getState().setComparing(false)}>
        <Compare />
      </LazyOverlay>
    </>
  );
}
