// Download names that say what a file is: `<prompt-slug>-seed<seed>-steps<steps>.<ext>`, with the
// extension of the real bytes.
import { MIME_EXTENSION } from '@server/contract';
import type { GalleryEntry, ImageParams } from '@/lib/params';
import { sniffMime } from '@/lib/image-type';

function promptSlug(prompt: string, max = 48): string {
  const slug = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '') || 'image';
}

/** `png`, `jpg` or `webp` from the magic numbers; `bin` for anything else. */
function extensionOf(bytes: Uint8Array): string {
  const mime = sniffMime(bytes);
  return mime ? MIME_EXTENSION[mime] : 'bin';
}

type Named = Pick<ImageParams, 'prompt' | 'seed' | 'num_inference_steps'>;
const fileName = (params: Named, extension: string) => `${promptSlug(params.prompt)}-seed${params.seed}-steps${params.num_inference_steps}.${extension}`;

export const downloadName = (params: Named, bytes: Uint8Array) => fileName(params, extensionOf(bytes));

/** The same name from the entry alone, its extension from the type its bytes were sniffed as. */
export const entryFileName = (entry: Named & Pick<GalleryEntry, 'mime'>) => fileName(entry, MIME_EXTENSION[entry.mime]);
