// The actions on one gallery entry, the same in the list and in the viewer, all keyboard-reachable.
import { fromEntry, type GalleryEntry, type ReuseParams } from '@/lib/params';
import { buildLink, linkImagesNote } from '@/lib/link-params';
import { useDeleteEntry } from '@/features/gallery/api/delete-entry';
import { entryImage } from '@/features/gallery/api/gallery';
import { useNoticeStore } from '@/features/gallery/stores/notice-store';
import { CONTROL_ICON, EDIT_ICON } from './edit-buttons';

const ICONS = {
  download: 'M12 3v12m0 0l-4-4m4 4l4-4M5 19h14',
  reuse: 'M4 4v6h6M20 20v-6h-6M5.5 15a7 7 0 0012.3 2.5M18.5 9A7 7 0 006.2 6.5',
  seed: 'M12 3c4 3 6 6 6 9a6 6 0 01-12 0c0-3 2-6 6-9z',
  link: 'M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1',
  delete: 'M5 7h14M10 11v6M14 11v6M6 7l1 12h10l1-12M9 7V4h6v3',
  edit: EDIT_ICON,
  control: CONTROL_ICON,
};

/**
 * Given by the app, which owns the form (the gallery cannot reach it): Edit makes the entry the
 * form's source image; onControl, absent when the endpoint chosen takes no control images, adds it
 * as one.
 */
export interface EntryEdits {
  onEdit(entry: GalleryEntry): void;
  onControl?: (entry: GalleryEntry) => void;
}

function Action({ label, icon, onClick, compact }: { label: string; icon: keyof typeof ICONS; onClick(): void; compact?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      title={label}
      aria-label={compact ? label : undefined}
      className="flex items-center gap-1.5 rounded-md p-1.5 text-xs font-medium text-zinc-600 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-violet-500 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
        <path d={ICONS[icon]} />
      </svg>
      {!compact && label}
    </button>
  );
}

export function EntryActions({ entry, onReuse, edits, compact }: { entry: GalleryEntry; onReuse(params: ReuseParams): void; edits?: EntryEdits; compact?: boolean }) {
  const remove = useDeleteEntry();
  const notify = useNoticeStore((s) => s.show);
  const copy = async (text: string, what: string, note?: string) => {
    try {
      await navigator.clipboard.writeText(text);
      notify(note ? `${what} copied. ${note}` : `${what} copied`);
    } catch {
      notify(`Could not copy the ${what.toLowerCase()}: the browser refused clipboard access.`, 'alert');
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-0.5">
      <Action compact={compact} icon="download" label="Download" onClick={async () => {
        const image = await entryImage(entry.id);
        if (!image) return notify('This image’s bytes are missing from the browser’s storage.', 'alert');
        try {
          // The metadata writer loads once the page is idle (app/prefetch-chunks): not needed to show the studio.
          await (await import('@/features/gallery/utils/download')).downloadEntry(entry, image);
        } catch (err) {
          notify(`Could not download: ${err instanceof Error ? err.message : String(err)}`, 'alert');
        }
      }} />
      <Action compact={compact} icon="reuse" label="Reuse settings" onClick={() => {
        // The prompt sent, with what it was made of: the form turns the same styles back on or none.
        onReuse(fromEntry(entry));
        notify('Settings restored to the form');
      }} />
      {edits && <Action compact={compact} icon="edit" label="Edit" onClick={() => edits.onEdit(entry)} />}
      {edits?.onControl && <Action compact={compact} icon="control" label="Use as control image" onClick={() => edits.onControl!(entry)} />}
      <Action compact={compact} icon="seed" label="Copy seed" onClick={() => copy(String(entry.seed), 'Seed')} />
      <Action compact={compact} icon="link" label="Copy link" onClick={() => copy(buildLink(entry, location.origin), 'Link', linkImagesNote(entry))} />
      <Action compact={compact} icon="delete" label="Delete" onClick={() => remove.mutate(entry.id)} />
    </div>
  );
}
