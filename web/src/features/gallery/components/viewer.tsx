// The full image with its parameters, in a modal <dialog> (focus kept inside, Escape closes);
// arrow keys step through the gallery.
import { useEffect, useRef } from 'react';
import type { GalleryEntry, ImageParams } from '../../../lib/params';
import { useObjectUrl } from '../../../lib/use-object-url';
import { useGallery, useImageBlob } from '../api/gallery';
import { useViewerStore } from '../stores/viewer-store';
import { EntryActions } from './entry-actions';
import { ZoomPan } from './zoom-pan';

function Parameters({ entry }: { entry: GalleryEntry }) {
  const rows: [string, string][] = [
    ['Steps', String(entry.steps)],
    ['Seed', String(entry.seed)],
    ['Format', entry.format],
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

export function Viewer({ onReuse }: { onReuse(params: ImageParams): void }) {
  const { openId, open, close } = useViewerStore();
  const { data: entries = [] } = useGallery();
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
          <div className="min-h-0 flex-1 bg-zinc-950">{image && <ZoomPan src={image} alt={`Full image: ${entry.prompt}`} />}</div>
          <aside className="flex w-full flex-col gap-4 overflow-y-auto p-5 md:w-80">
            <div className="flex items-center justify-between">
              <p className="text-xs text-zinc-500">{index + 1} of {entries.length} · ← → to step</p>
              <button type="button" onClick={close} className="rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">Close</button>
            </div>
            <p className="whitespace-pre-wrap text-sm leading-relaxed">{entry.prompt}</p>
            <Parameters entry={entry} />
            <EntryActions entry={entry} onReuse={(p) => { onReuse(p); close(); }} onDeleted={close} />
          </aside>
        </div>
      )}
    </dialog>
  );
}

