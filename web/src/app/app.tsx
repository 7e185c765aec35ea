// The studio: the control panel and a large result area on wide screens, stacked on a phone.
// Wires the features together: a generated image goes into the gallery; gallery entries, links
// and dropped files put their parameters back into the form.
import { Suspense, useEffect, useRef, useState } from 'react';
import { Gallery } from '@/features/gallery/components/gallery';
import { useAddEntry } from '@/features/gallery/api/add-entry';
import { useViewerStore } from '@/features/gallery/stores/viewer-store';
import { useGalleryView } from '@/features/gallery/stores/gallery-view-store';
import { generateImage } from '@/features/generate/api/generate-image';
import type { GalleryEntry } from '@/lib/params';
import { StorageFullError } from '@/features/gallery/storage/gallery-db';
import { promptSlug } from '@/features/gallery/utils/file-name';
import { useConfig } from '@/features/generate/api/get-config';
import { EngineBadge } from '@/features/generate/components/engine-badge';
import { GenerateForm } from '@/features/generate/components/generate-form';
import { onJobDone, type Job } from '@/features/generate/stores/queue-store';
import { MIME_EXTENSION, type GenerateResponse } from '@server/contract';
import { useFormStore } from '@/features/generate/stores/form-store';
import { inThisTabOnly } from '@/features/generate/stores/form-storage';
import { readLink } from '@/lib/link-params';
import { DropZone, ImportButton, ImportMessage } from './drop-zone';
import { ResultView, type Latest } from './result-view';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { lazyRetry } from '@/lib/lazy-retry';
import { prefetchChunks } from './prefetch-chunks';

/** How long the newest result may wait for its first paint before it is stored anyway. */
const PAINT_WAIT_MS = 5000;

// The viewer loads when first opened (or once the page is idle), keeping the first paint's
// JavaScript small; a load that fails is tried again on the next open (lazyRetry).
const Viewer = lazyRetry(() => import('@/features/gallery/components/viewer').then((m) => ({ default: m.Viewer })));
const Compare = lazyRetry(() => import('@/features/gallery/components/compare').then((m) => ({ default: m.Compare })));

/** The same parameters once more, outside the gallery: the bytes the engine gives now. */
async function reproduce(entry: GalleryEntry): Promise<Uint8Array> {
  const response = await generateImage({ prompt: entry.prompt, num_inference_steps: entry.steps, seed: entry.seed, response_format: entry.format });
  return new Uint8Array(await (await fetch(response.images[0]!.url)).arrayBuffer());
}


export function App() {
  const config = useConfig();
  const addEntry = useAddEntry();
  const apply = useFormStore((s) => s.apply);
  const [latest, setLatest] = useState<Latest | null>(null);
  // Results waiting to be stored, by entry id; their job finishes when the promise settles.
  const pending = useRef(new Map<string, { image: Blob; stored: PromiseWithResolvers<void> }>());
  const shownRef = useRef<Latest | null>(null);
  const save = (next: Latest, shown?: HTMLImageElement) => {
    const waiting = pending.current.get(next.entry.id);
    if (!waiting) return;
    pending.current.delete(next.entry.id);
    addEntry.mutateAsync({ entry: next.entry, image: waiting.image, shown }).then(() => waiting.stored.resolve(), waiting.stored.reject);
  };
  /** Stores an image and resolves once it is in IndexedDB. */
  const store = (entry: GalleryEntry, image: Blob) => {
    const stored = Promise.withResolvers<void>();
    pending.current.set(entry.id, { image, stored });
    save({ entry, url: '' });
    return stored.promise;
  };
  /** Shows an image at once, stores it after its first paint, and resolves once it is stored. */
  const showThenStore = (entry: GalleryEntry, image: Blob) => {
    const stored = Promise.withResolvers<void>();
    // One that a newer result replaces before it painted is stored at once.
    if (shownRef.current) save(shownRef.current);
    pending.current.set(entry.id, { image, stored });
    const next = { url: URL.createObjectURL(image), entry };
    shownRef.current = next;
    setLatest(next);
    setTimeout(() => save(next), PAINT_WAIT_MS);
    return stored.promise;
  };
  // The result's object URL lives while it is the latest (its Download link uses it, offline too).
  useEffect(() => (latest ? () => URL.revokeObjectURL(latest.url) : undefined), [latest]);
  useEffect(prefetchChunks, []);
  const viewerOpened = useViewerStore((s) => s.openId !== null);
  const [viewerLoaded, setViewerLoaded] = useState(false);
  if (viewerOpened && !viewerLoaded) setViewerLoaded(true);
  const comparing = useGalleryView((s) => s.comparing);
  const [compareLoaded, setCompareLoaded] = useState(false);
  if (comparing && !compareLoaded) setCompareLoaded(true);

  useEffect(() => {
    // A shared link restores the form once, in this tab only (other tabs keep their drafts); the
    // query then leaves the address bar.
    const params = readLink(location.search);
    if (params) {
      inThisTabOnly(() => apply(params));
      history.replaceState(null, '', location.pathname);
    }
  }, [apply]);

  const onGenerated = (job: Job, response: GenerateResponse, images: Blob[]) => {
    const { request } = job;
    return Promise.all(response.images.map((image, i) => {
      const entry = {
        id: image.id,
        prompt: request.prompt,
        basePrompt: job.basePrompt,
        styles: job.styles,
        ...(job.group ? { group: job.group } : {}),
        steps: request.num_inference_steps,
        seed: image.seed,
        format: request.response_format,
        engine: response.engine,
        endpoint: config.data?.endpoint ?? null,
        createdAt: Date.now(),
        elapsedMs: response.elapsed_ms,
        mime: image.mime,
        width: image.width,
        height: image.height,
        bytes: image.bytes,
      };
      // The image shown is saved once it has painted (ResultView's onShown): storing it (a second
      // decode for the thumbnail, IndexedDB writes) would otherwise compete with showing it. The
      // job is done only once it is stored either way.
      return i === 0 ? showThenStore(entry, images[i]!) : store(entry, images[i]!);
    })).then(() => undefined);
  };

  // Finished jobs go to the gallery; the handler is read through a ref so it always sees this render.
  const handler = useRef(onGenerated);
  handler.current = onGenerated;
  useEffect(() => onJobDone((job, response, images) => handler.current(job, response, images)), []);

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
            notices={
              <>
                {addEntry.isError && latest && (
                  <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
                    {addEntry.error instanceof StorageFullError
                      ? 'This browser’s storage is full, so the new image was not added to the gallery (earlier images are safe). '
                      : `The new image could not be saved to the gallery: ${addEntry.error.message} `}
                    <a className="font-medium underline" href={latest.url} download={`${promptSlug(latest.entry.prompt)}-seed${latest.entry.seed}-steps${latest.entry.steps}.${MIME_EXTENSION[latest.entry.mime]}`}>
                      Download it now
                    </a>
                    , or delete older images to make room.
                  </p>
                )}
                <ImportMessage />
              </>
            }
          />
          </ErrorBoundary>
          <ImportButton />
        </aside>
        <div className="flex min-w-0 flex-col gap-8">
          <ErrorBoundary region="the latest image">
            <ResultView latest={latest} onShown={save} />
          </ErrorBoundary>
          <ErrorBoundary region="the gallery">
            <Gallery onReuse={apply} />
          </ErrorBoundary>
        </div>
      </main>
      {viewerLoaded && (
        <ErrorBoundary region="the viewer" overlay onRetry={Viewer.reload} onClose={() => (useViewerStore.getState().close(), setViewerLoaded(false))}>
          <Suspense>
            <Viewer onReuse={apply} onReproduce={reproduce} />
          </Suspense>
        </ErrorBoundary>
      )}
      {compareLoaded && (
        <ErrorBoundary region="Compare" overlay onRetry={Compare.reload} onClose={() => (useGalleryView.getState().setComparing(false), setCompareLoaded(false))}>
          <Suspense>
            <Compare />
          </Suspense>
        </ErrorBoundary>
      )}
      <DropZone />
    </div>
  );
}
