// The full image with its parameters, in a modal <dialog> (focus kept inside, Escape closes);
// arrow keys step through the gallery.
import { useEffect, useRef, useState } from 'react';
import type { GalleryEntry, ImageParams } from '../../../lib/params';
import { useObjectUrl } from '../../../lib/use-object-url';
import { NO_ENTRIES, useGallery, useImageBlob } from '../api/gallery';
import { getImage } from '../storage/gallery-db';
import { useViewerStore } from '../stores/viewer-store';
import { EntryActions } from './entry-actions';
import { Layer, ZoomPan } from './zoom-pan';

function Parameters({ entry }: { entry: GalleryEntry }) {
  const rows: [string, string][] = [
    ['Steps', String(entry.steps)],
    ['Seed', String(entry.seed)],
    ['Format', entry.format],
    ...(entry.styles?.length ? [['Styles', entry.styles.join(', ')] as [string, string]] : []),
    ...(entry.group ? [['Group', entry.group.label] as [string, string]] : []),
    ['Engine', entry.engine === 'local' ? 'local preview engine' : 'FriendliAI'],
    ['Endpoint', entry.endpoint ?? '—'],
    ['Size', `${entry.width}×${entry.height}, ${(entry.bytes / 1024).toFixed(0)} KB`],
    ['Took', `${(entry.elapsedMs / 1000).toFixed(2)} s`],
    ['Made', new Date(entry.createdAt).toLocaleString()],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-zinc-500">{k}</dt>
          <dd className="tabular-nums break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Re-runs an entry's exact parameters and says whether the new image is byte-identical. */
function ReproduceCheck({ entry, reproduce }: { entry: GalleryEntry; reproduce(entry: GalleryEntry): Promise<Uint8Array> }) {
  const [state, setState] = useState<{ running: boolean; result?: string }>({ running: false });
  useEffect(() => setState({ running: false }), [entry.id]);
  const run = async () => {
    setState({ running: true });
    try {
      const [fresh, stored] = await Promise.all([reproduce(entry), getImage(entry.id).then(async (b) => new Uint8Array(await b!.arrayBuffer()))]);
      let differing = Math.abs(fresh.length - stored.length);
      for (let i = 0; i < Math.min(fresh.length, stored.length); i++) if (fresh[i] !== stored[i]) differing++;
      setState({
        running: false,
        result: differing === 0
          ? `Identical: the new image is byte for byte the stored one (${stored.length.toLocaleString()} bytes).`
          : `Different: ${differing.toLocaleString()} of ${stored.length.toLocaleString()} bytes differ, so this endpoint does not reproduce images exactly from the seed.`,
      });
    } catch (err) {
      setState({ running: false, result: `The check could not run: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  return (
    <div className="flex flex-col gap-1.5 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <button type="button" disabled={state.running} onClick={run} className="self-start rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
        {state.running ? 'Checking…' : 'Reproduce check'}
      </button>
      {state.result && <p role="status" className="text-xs">{state.result}</p>}
    </div>
  );
}

export function Viewer({ onReuse, onReproduce }: { onReuse(params: ImageParams): void; onReproduce(entry: GalleryEntry): Promise<Uint8Array> }) {
  const { openId, open, close } = useViewerStore();
  const { data: entries = NO_ENTRIES } = useGallery();
  const dialog = useRef<HTMLDialogElement>(null);
  const index = entries.findIndex((e) => e.id === openId);
  const entry = index >= 0 ? entries[index] : undefined;
  const image = useObjectUrl(useImageBlob(entry?.id).data);

  useEffect(() => {
    const el = dialog.current!;
    if (entry && !el.open) el.showModal();
    if (!entry && el.open) el.close();
  }, [entry]);

  const step = (delta: number) => {
    const next = entries[index + delta];
    if (next) open(next.id);
  };

  return (
    <dialog
      ref={dialog}
      aria-label="Image viewer"
      onClose={close}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') step(-1);
        if (e.key === 'ArrowRight') step(1);
      }}
      className="m-auto h-[min(92vh,900px)] w-[min(96vw,1400px)] max-w-none overflow-hidden rounded-2xl bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-black/70 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {entry && (
        <div className="flex h-full flex-col md:flex-row">
          <div className="min-h-0 flex-1 bg-zinc-950">{image && (
              <ZoomPan key={entry.id}>
                <Layer src={image} alt={`Full image: ${entry.prompt}`} />
              </ZoomPan>
            )}</div>
          <aside className="flex w-full flex-col gap-4 overflow-y-auto p-5 md:w-80">
            <div className="flex items-center justify-between">
              <p className="text-xs text-zinc-500">{index + 1} of {entries.length} · ← → to step</p>
              <button type="button" onClick={close} className="rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">Close</button>
            </div>
            <p className="whitespace-pre-wrap text-sm leading-relaxed">{entry.prompt}</p>
            <Parameters entry={entry} />
            <EntryActions entry={entry} onReuse={(p) => { onReuse(p); close(); }} onDeleted={close} />
            <ReproduceCheck entry={entry} reproduce={onReproduce} />
          </aside>
        </div>
      )}
    </dialog>
  );
}

