// The thumbnail of an input image (an edit's source, a control image) from the input store, with
// its size; when this browser lacks its bytes, a plain message instead of a broken image.
import type { InputRef } from '@/lib/params';
import { useObjectUrl } from '@/lib/use-object-url';
import { useStoredInput } from '@/features/generate/hooks/use-stored-input';

const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function InputThumb({ image, alt }: { image: InputRef; alt: string }) {
  const blob = useStoredInput(image.hash);
  const url = useObjectUrl(blob);
  return (
    <div className="flex min-w-0 items-center gap-3">
      <div className="grid size-16 shrink-0 place-items-center overflow-hidden rounded-md border border-zinc-200 bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-800">
        {url && <img src={url} alt={alt} className="size-full object-cover" />}
      </div>
      <div className="min-w-0 text-xs text-zinc-600 dark:text-zinc-400">
        <p className="tabular-nums">
          {image.width}×{image.height} px{blob ? ` · ${sizeOf(blob.size)}` : ''}
        </p>
        {blob === null && <p role="alert" className="text-red-700 dark:text-red-400">This image’s bytes are not in this browser (storage was cleared, or it came from elsewhere). Remove it, or add the file again.</p>}
      </div>
    </div>
  );
}
