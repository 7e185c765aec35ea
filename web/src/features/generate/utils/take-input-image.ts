// A file the designer gives as a source or control image (chosen, pasted, dropped): checked in
// full (lib/input-images.ts), stored once by hash, and described for the form; or a message that
// says why not. Nothing changes in the form until a file has passed.
import { InputImageError, readInputImage, storeInput } from '@/lib/input-images';
import type { InputRef } from '@/lib/params';

export type Taken = { ref: InputRef; problem?: undefined } | { ref?: undefined; problem: string };

export async function takeInputImage(file: Blob, maxBytes: number): Promise<Taken> {
  try {
    const { blob, ref } = await readInputImage(file, maxBytes);
    await storeInput(blob, ref);
    return { ref };
  } catch (err) {
    const name = file instanceof File && file.name ? `“${file.name}”: ` : '';
    if (err instanceof InputImageError) return { problem: `${name}${err.message} Nothing was changed.` };
    return { problem: `${name}the image could not be stored in this browser (${err instanceof Error ? err.message : String(err)}). Nothing was changed.` };
  }
}
