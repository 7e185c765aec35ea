// The viewer and Compare: loaded when first opened (or once the page is idle), keeping the first
// paint's JavaScript small; a load that fails is tried again on the next open (lazyRetry).
import { getInput } from '@/lib/input-images';
import { lazyRetry } from '@/lib/lazy-retry';
import { toRequest, type GalleryEntry, type ReuseParams } from '@/lib/params';
import { useViewerStore } from '@/features/gallery/stores/viewer-store';
import { useGalleryView } from '@/features/gallery/stores/gallery-view-store';
import { generateThroughQueue } from '@/features/generate/stores/queue-store';
import { LazyOverlay } from './lazy-overlay';

const Viewer = lazyRetry(() => import('@/features/gallery/components/viewer').then((m) => ({ default: m.Viewer })));
const Compare = lazyRetry(() => import('@/features/gallery/components/compare').then((m) => ({ default: m.Compare })));

/** Why an entry cannot be reproduced in this browser: an input image it was made from is not here, else undefined. */
async function missingInputs(entry: GalleryEntry): Promise<string | undefined> {
  const missing = [
    ...(entry.source && !(await getInput(entry.source.hash)) ? ['source image'] : []),
    ...(entry.controls?.length && (await Promise.all(entry.controls.map((c) => getInput(c.image.hash)))).some((b) => !b) ? ['control images'] : []),
  ];
  if (!missing.length) return undefined;
  const many = missing.length > 1 || missing[0] === 'control images';
  return `The ${missing.join(' and ')} ${many ? 'are' : 'is'} not in this browser (cleared, or imported from a zip without ${many ? 'them' : 'it'}), so this image cannot be made again here: import a zip that carries ${many ? 'them' : 'it'}.`;
}

/** The same parameters once more (an edit's source and control images too), through the queue, outside the gallery: the bytes the engine gives now. */
const reproduce = async (entry: GalleryEntry) => {
  // Said before anything is sent: without its inputs, an edit would not be the same request.
  const missing = await missingInputs(entry);
  if (missing) throw new Error(missing);
  const image = await generateThroughQueue({ request: toRequest(entry), basePrompt: entry.prompt, styles: [], label: 'Reproduce check' });
  return new Uint8Array(await image.arrayBuffer());
};

export function Overlays({ onReuse }: { onReuse(params: ReuseParams): void }) {
  const viewerOpen = useViewerStore((s) => s.openId !== null);
  const comparing = useGalleryView((s) => s.comparing);
  return (
    <>
      <LazyOverlay active={viewerOpen} region="the viewer" reload={Viewer.reload} onClose={() => useViewerStore.getState().close()}>
        <Viewer onReuse={onReuse} onReproduce={reproduce} />
      </LazyOverlay>
      <LazyOverlay active={comparing} region="Compare" reload={Compare.reload} onClose={() => useGalleryView.getState().setComparing(false)}>
        <Compare />
      </LazyOverlay>
    </>
  );
}
