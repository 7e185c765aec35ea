// The studio: the control panel and a large result area on wide screens, stacked on a phone.
// Wires the features together: a generated image goes into the gallery; gallery entries, links
// and dropped files put their parameters back into the form.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Gallery } from '../features/gallery/components/gallery';
import { useAddEntry } from '../features/gallery/api/add-entry';
import { useViewerStore } from '../features/gallery/stores/viewer-store';
import { useGalleryView } from '../features/gallery/stores/gallery-view-store';
import { generateImage } from '../features/generate/api/generate-image';
import type { GalleryEntry } from '../lib/params';
import { StorageFullError } from '../features/gallery/storage/gallery-db';
import { promptSlug } from '../features/gallery/utils/file-name';
import { useConfig } from '../features/generate/api/get-config';
import { EngineBadge } from '../features/generate/components/engine-badge';
import { GenerateForm } from '../features/generate/components/generate-form';
import { onJobDone, type Job } from '../features/generate/stores/queue-store';
import { MIME_EXTENSION, type GenerateResponse } from '../../../server/contract';
import { useFormStore } from '../features/generate/stores/form-store';
import { inThisTabOnly } from '../features/generate/stores/form-storage';
import { readLink } from '../lib/link-params';
import { DropZone, ImportButton, ImportMessage } from './drop-zone';
import { ResultView, type Latest } from './result-view';

// The viewer loads when first opened, keeping the first paint's JavaScript small.
const Viewer = lazy(() => import('../features/gallery/components/viewer').then((m) => ({ default: m.Viewer })));
const Compare = lazy(() => import('../features/gallery/components/compare').then((m) => ({ default: m.Compare })));

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
  const saved = useRef(new Set<string>());
  const shownRef = useRef<Latest | null>(null);
  const save = (next: Latest, shown?: HTMLImageElement) => {
    if (saved.current.has(next.entry.id)) return;
    saved.current.add(next.entry.id);
    addEntry.mutate({ entry: next.entry, url: next.url, shown });
  };
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

  const onGenerated = (job: Job, response: GenerateResponse) => {
    const { request } = job;
    for (const image of response.images) {
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
      // decode for the thumbnail, IndexedDB writes) would otherwise compete with showing it. One
      // that a newer result replaces before it painted is saved at once.
      if (image === response.images[0]) {
        if (shownRef.current) save(shownRef.current);
        shownRef.current = { url: image.url, entry };
        setLatest(shownRef.current);
      } else save({ url: image.url, entry });
    }
  };

  // Finished jobs go to the gallery; the handler is read through a ref so it always sees this render.
  const handler = useRef(onGenerated);
  handler.current = onGenerated;
  useEffect(() => onJobDone((job, response) => handler.current(job, response)), []);

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
          <ImportButton />
        </aside>
        <div className="flex min-w-0 flex-col gap-8">
          <ResultView latest={latest} onShown={save} />
          <Gallery onReuse={apply} />
        </div>
      </main>
      {viewerLoaded && (
        <Suspense>
          <Viewer onReuse={apply} onReproduce={reproduce} />
        </Suspense>
      )}
      {compareLoaded && (
        <Suspense>
          <Compare />
        </Suspense>
      )}
      <DropZone />
    </div>
  );
}
