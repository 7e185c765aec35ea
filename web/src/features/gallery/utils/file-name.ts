// Download names that say what a file is: `<prompt-slug>-seed<seed>-steps<steps>.<ext>`, with the
// extension of the real bytes.
import { MIME_EXTENSION } from '@server/contract';
import type { GalleryEntry, ImageParams } from '@/lib/params';

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
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'webp';
  return 'bin';
}

type Named = Pick<ImageParams, 'prompt' | 'seed' | 'num_inference_steps'>;
const fileName = (params: Named, extension: string) => `${promptSlug(params.prompt)}-seed${params.seed}-steps${params.num_inference_steps}.${extension}`;

export const downloadName = (params: Named, bytes: Uint8Array) => fileName(params, extensionOf(bytes));

/** The same name from the entry alone, its extension from the type its bytes were sniffed as. */
export const entryFileName = (entry: Named & Pick<GalleryEntry, 'mime'>) => fileName(entry, MIME_EXTENSION[entry.mime]);
