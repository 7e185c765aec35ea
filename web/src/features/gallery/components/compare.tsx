// Compare 2 to 4 entries side by side at the same scale, with what differs highlighted. For two:
// a slider, a fade, and a difference view showing only the pixels that changed. Zoom and pan move
// every image together. Compare opens at fit: each image whole on screen, the view buttons above.
import { useEffect, useRef, useState } from 'react';
import type { GalleryEntry } from '@/lib/params';
import { useObjectUrl } from '@/lib/use-object-url';
import { NO_ENTRIES, useGallery, useImageBlob } from '@/features/gallery/api/gallery';
import { useGalleryView } from '@/features/gallery/stores/gallery-view-store';
import { diffWords } from '@/features/gallery/utils/word-diff';
import { FIT, Layer, ZoomPan, type View } from './zoom-pan';

type Mode = 'side' | 'slider' | 'fade' | 'difference';
const MODES: [Mode, string][] = [['side', 'Side by side'], ['slider', 'Slider'], ['fade', 'Fade'], ['difference', 'Difference']];

function useImageUrl(entry: GalleryEntry | undefined) {
  return useObjectUrl(useImageBlob(entry?.id).data);
}

type Difference = { url: string; changed: number } | { error: string };

/** |a − b| per channel, brightened, as an image: unchanged pixels are black. */
async function differenceImage(a: Blob, b: Blob): Promise<{ url: string; changed: number }> {
  // Decoded from the stored Blobs: fetching their blob: URLs is not allowed by the page's CSP.
  const [ia, ib] = await Promise.all([createImageBitmap(a), createImageBitmap(b)]);
  const w = Math.min(ia.width, ib.width);
  const h = Math.min(ia.height, ib.height);
  const pixels = (bitmap: ImageBitmap) => {
    const ctx = new OffscreenCanvas(w, h).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0, w, h);
    return ctx.getImageData(0, 0, w, h);
  };
  const [da, db] = [pixels(ia), pixels(ib)];
  const out = new ImageData(w, h);
  let changed = 0;
  for (let i = 0; i < da.data.length; i += 4) {
    let any = false;
    for (let c = 0; c < 3; c++) {
      const d = Math.abs(da.data[i + c]! - db.data[i + c]!);
      out.data[i + c] = Math.min(255, d * 4);
      any ||= d > 0;
    }
    out.data[i + 3] = 255;
    if (any) changed++;
  }
  const canvas = new OffscreenCanvas(w, h);
  canvas.getContext('2d')!.putImageData(out, 0, 0);
  return { url: URL.createObjectURL(await canvas.convertToBlob()), changed: changed / (w * h) };
}

function Params({ entry, reference }: { entry: GalleryEntry; reference: GalleryEntry }) {
  const diff = diffWords(reference.prompt, entry.prompt);
  const isReference = entry === reference;
  const field = (label: string, value: string, other: string) => (
    <p className={!isReference && value !== other ? 'rounded bg-amber-100 px-1 font-semibold text-amber-900 dark:bg-amber-900/50 dark:text-amber-100' : ''}>
      {label}: {value}
    </p>
  );
  return (
    <div className="flex flex-col gap-1 text-xs">
      <p className="leading-relaxed whitespace-pre-wrap">
        {isReference
          ? entry.prompt
          : diff.tokens.map((t, i) => (t.added ? <ins key={i} className="rounded bg-emerald-200 px-0.5 no-underline dark:bg-emerald-800">{t.text}</ins> : <span key={i}>{t.text}</span>))}
        {!isReference && diff.removed.map((w) => <del key={w} className="ml-1 rounded bg-red-200 px-0.5 dark:bg-red-900">{w}</del>)}
      </p>
      {field('Steps', String(entry.steps), String(reference.steps))}
      {field('Seed', String(entry.seed), String(reference.seed))}
      {field('Format', entry.format, reference.format)}
      {field('Engine', entry.engine, reference.engine)}
    </div>
  );
}

/** Side by side, slider, fade, difference: a radio group, arrow keys moving the choice (ARIA radio pattern). */
function ModeRadios({ mode, onChange }: { mode: Mode; onChange(mode: Mode): void }) {
  const group = useRef<HTMLDivElement>(null);
  const move = (delta: number) => {
    const i = MODES.findIndex(([m]) => m === mode);
    const next = (i + delta + MODES.length) % MODES.length;
    onChange(MODES[next]![0]);
    group.current?.querySelectorAll<HTMLElement>('[role=radio]')[next]?.focus();
  };
  return (
    <div
      ref={group}
      role="radiogroup"
      aria-label="View"
      className="order-last flex gap-1 rounded-lg bg-zinc-100 p-1 text-xs sm:order-none dark:bg-zinc-800"
      onKeyDown={(e) => {
        const delta = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
        if (!delta) return;
        e.preventDefault();
        move(delta);
      }}
    >
      {MODES.map(([value, label]) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={mode === value}
          tabIndex={mode === value ? 0 : -1}
          onClick={() => onChange(value)}
          className={`rounded-md px-2.5 py-1 focus-visible:outline-2 focus-visible:outline-violet-500 ${mode === value ? 'bg-white shadow-sm dark:bg-zinc-950' : ''}`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function Pane({ entry, view, onView }: { entry: GalleryEntry; view: View; onView(v: View): void }) {
  const url = useImageUrl(entry);
  return (
    <div className="mx-auto aspect-square w-full max-w-[max(12rem,calc(94dvh-10rem))] overflow-hidden rounded-lg bg-zinc-950">
      {url && (
        <ZoomPan view={view} onViewChange={onView}>
          <Layer src={url} alt={`Compared: ${entry.prompt}`} />
        </ZoomPan>
      )}
    </div>
  );
}

export function Compare() {
  const { selected, comparing, setComparing } = useGalleryView();
  const { data: all = NO_ENTRIES } = useGallery();
  const entries = selected.map((id) => all.find((e) => e.id === id)).filter((e): e is GalleryEntry => !!e);
  const dialog = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<Mode>('side');
  const [view, setView] = useState<View>(FIT);
  const [split, setSplit] = useState(50);
  const [a, b] = [useImageUrl(entries[0]), useImageUrl(entries[1])];
  const [blobA, blobB] = [useImageBlob(entries[0]?.id).data, useImageBlob(entries[1]?.id).data];
  const [diff, setDiff] = useState<Difference | null>(null);

  useEffect(() => {
    const el = dialog.current!;
    if (comparing && !el.open) {
      // Every compare starts side by side, at fit: a zoom left from the last one would mislead.
      setView(FIT);
      setMode('side');
      el.showModal();
    }
    if (!comparing && el.open) el.close();
  }, [comparing]);
  useEffect(() => {
    if (mode !== 'difference' || !blobA || !blobB) return;
    let url: string | undefined;
    differenceImage(blobA, blobB).then(
      (d) => {
        url = d.url;
        setDiff(d);
      },
      (err: unknown) => setDiff({ error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      if (url) URL.revokeObjectURL(url);
      setDiff(null);
    };
  }, [mode, blobA, blobB]);

  const two = entries.length === 2;
  const shown = two ? mode : 'side';
  return (
    <dialog ref={dialog} aria-label="Compare" onClose={() => setComparing(false)} className="m-auto max-h-[94vh] w-[min(96vw,1500px)] max-w-none overflow-y-auto rounded-2xl bg-white p-5 text-zinc-900 shadow-2xl backdrop:bg-black/70 dark:bg-zinc-900 dark:text-zinc-100">
      {comparing && entries.length >= 2 && (
        <div className="flex flex-col gap-4">
          {/* The view buttons and Close stay on screen however far the dialog scrolls. */}
          <div className="sticky -top-5 z-10 -mx-5 -mt-5 flex flex-wrap items-center justify-between gap-3 bg-white px-5 py-3 dark:bg-zinc-900">
            <h2 className="font-semibold">Compare {entries.length} images</h2>
            {two && <ModeRadios mode={mode} onChange={setMode} />}
            <button type="button" onClick={() => setComparing(false)} className="rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">Close</button>
          </div>
          {shown === 'side' ? (
            <div className="grid gap-4" style={{ gridTemplateColumns: `repeat(${entries.length}, minmax(0, 1fr))` }}>
              {entries.map((entry) => (
                <div key={entry.id} className="flex flex-col gap-2">
                  <Pane entry={entry} view={view} onView={setView} />
                  <Params entry={entry} reference={entries[0]!} />
                </div>
              ))}
            </div>
          ) : (
            <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
              <div className="flex flex-col gap-2">
                <div className="mx-auto aspect-square w-full max-w-[max(12rem,calc(94dvh-10rem))] overflow-hidden rounded-lg bg-zinc-950">
                  {a && b && (
                    <ZoomPan view={view} onViewChange={setView}>
                      {shown === 'difference' ? (
                        diff && 'url' in diff && <Layer src={diff.url} alt="Difference between the two images" />
                      ) : (
                        <>
                          <Layer src={a} alt={`Compared: ${entries[0]!.prompt}`} />
                          <Layer src={b} alt={`Compared: ${entries[1]!.prompt}`} style={shown === 'slider' ? { clipPath: `inset(0 0 0 ${split}%)` } : { opacity: split / 100 }} />
                          {shown === 'slider' && <div className="pointer-events-none absolute inset-y-0 w-0.5 bg-white/90" style={{ left: `${split}%` }} />}
                        </>
                      )}
                    </ZoomPan>
                  )}
                </div>
                {shown === 'difference' ? (
                  <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
                    {!diff ? 'Computing the difference…' : 'error' in diff ? `The difference could not be computed: ${diff.error}` : `${(diff.changed * 100).toFixed(1)}% of pixels differ; unchanged pixels are black.`}
                  </p>
                ) : (
                  <label className="flex items-center gap-3 text-xs">
                    {shown === 'slider' ? 'Divider' : 'Fade'}
                    <input type="range" min={0} max={100} value={split} onChange={(e) => setSplit(Number(e.target.value))} className="flex-1 accent-violet-600" />
                  </label>
                )}
              </div>
              <div className="flex flex-col gap-4">
                {entries.map((entry, i) => (
                  <div key={entry.id}>
                    <p className="mb-1 text-xs font-semibold">{i === 0 ? 'A (left, below)' : 'B (right, above)'}</p>
                    <Params entry={entry} reference={entries[0]!} />
                  </div>
                ))}
              </div>
            </div>
          )}
        </div>
      )}
    </dialog>
  );
}
