// Edit and Use as control image on a gallery thumbnail: over the image, like the star, so the
// list's row of actions keeps to one line in the narrowest cell.
import type { GalleryEntry } from '@/lib/params';

export const EDIT_ICON = 'M4 20h4L18.5 9.5a2.1 2.1 0 00-3-3L5 17v3zM13.5 8.5l3 3';
export const CONTROL_ICON = 'M4 7h9M17 7h3M4 17h3M11 17h9M15 5v4M9 15v4';

function OverlayButton({ label, icon, onClick }: { label: string; icon: string; onClick(): void }) {
  return (
    <button type="button" aria-label={label} title={label} onClick={onClick} className="flex size-7 items-center justify-center rounded-md bg-black/45 text-white/90 backdrop-blur-sm hover:bg-black/65 hover:text-white focus-visible:outline-2 focus-visible:outline-violet-400">
      <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
        <path d={icon} />
      </svg>
    </button>
  );
}

export function EditButtons({ entry, onEdit, onControl }: { entry: GalleryEntry; onEdit(entry: GalleryEntry): void; onControl?: (entry: GalleryEntry) => void }) {
  return (
    <div className="absolute right-2 bottom-2 flex gap-1">
      <OverlayButton label="Edit" icon={EDIT_ICON} onClick={() => onEdit(entry)} />
      {onControl && <OverlayButton label="Use as control image" icon={CONTROL_ICON} onClick={() => onControl(entry)} />}
    </div>
  );
}
