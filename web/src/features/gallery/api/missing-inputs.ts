// What the reproduce check says when an entry's input images (an edit's source, control images)
// are not in this browser: without them the request would not be the same, so nothing is sent.
// Loaded with the first check (the first paint's JavaScript stays small).
import { getInput } from '@/lib/input-images';
import type { GalleryEntry } from '@/lib/params';

/** Why an entry cannot be reproduced in this browser: an input image it was made from is not here, else undefined. */
export async function missingInputs(entry: GalleryEntry): Promise<string | undefined> {
  const missing = [
    ...(entry.source && !(await getInput(entry.source.hash)) ? ['source image'] : []),
    ...(entry.controls?.length && (await Promise.all(entry.controls.map((c) => getInput(c.image.hash)))).some((b) => !b) ? ['control images'] : []),
  ];
  if (!missing.length) return undefined;
  const many = missing.length > 1 || missing[0] === 'control images';
  return `The ${missing.join(' and ')} ${many ? 'are' : 'is'} not in this browser (cleared, or imported from a zip without ${many ? 'them' : 'it'}), so this image cannot be made again here: import a zip that carries ${many ? 'them' : 'it'}.`;
}
