// A gallery entry's thumbnail at a small size, for the lists of the viewer's edit history.
import { useObjectUrl } from '@/lib/use-object-url';
import { useThumb } from '@/features/gallery/api/gallery';

export function EntryThumb({ id, className = 'size-9' }: { id: string; className?: string }) {
  const url = useObjectUrl(useThumb(id).data);
  return (
    <span className={`block shrink-0 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800 ${className}`}>
      {url && <img src={url} alt="" className="size-full object-cover" draggable={false} />}
    </span>
  );
}
