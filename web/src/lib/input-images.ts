// Images the designer gives the API (an edit's source, control images): checked as untrusted input
// (size counted before reading, type by magic number, at most 4096 px a side by its header before
// decoding, then decoded), then stored
// once by the SHA-256 of their bytes in their own IndexedDB store. The form keeps only the hash (its
// draft survives a reload), each gallery entry made from one records it, and a zip carries them, so
// an edit can be reproduced anywhere. Shared by the generate and gallery features.
import { createStore, del, get, keys, set } from 'idb-keyval';
import { INPUT_IMAGE_MAX_SIDE, PLAIN_BODY_MAX_BYTES } from '@server/contract';
import type { InputRef } from './params';
import { imageSize } from './image-size';
import { sniffMime } from './image-type';
import { spaced } from '@/lib/user-space';

export { sniffMime };

/** The API's limit on a side of an input image (the server checks it again). */
export const INPUT_MAX_SIDE = INPUT_IMAGE_MAX_SIDE;

const inputs = createStore(spaced('friendli-studio-inputs'), 'inputs');

export class InputImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputImageError';
  }
}

export const hex = (digest: ArrayBuffer) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');

/** Room left in a request body for its other fields (prompt, parameters, JSON): a body without images' limit. */
const BODY_ROOM = PLAIN_BODY_MAX_BYTES;

/**
 * The largest image whose request fits the server's body limit (`maxBytes`, IMAGE_INPUT_MB): images
 * travel as base64 `data:` URLs, 4 characters for every 3 bytes.
 */
export const largestInput = (maxBytes: number) => Math.max(0, Math.floor(((maxBytes - BODY_ROOM) * 3) / 4));

/** The size an image adds to a request body, as a base64 `data:` URL. */
export const sentSize = (bytes: number) => 4 * Math.ceil(bytes / 3) + 32;

export const MB = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Checks an untrusted image (a chosen, pasted or dropped file, a gallery image, a zip member) and
 * describes it. `maxBytes` is the server's limit (IMAGE_INPUT_MB). The bytes are typed as what they
 * are, so the Blob returned may differ from the one given only in its type.
 */
export async function readInputImage(file: Blob, maxBytes: number): Promise<{ blob: Blob; ref: InputRef }> {
  if (file.size === 0) throw new InputImageError('The file is empty.');
  const largest = largestInput(maxBytes);
  if (file.size > largest) {
    // Rounded, a size just over the limit reads as the limit itself: say "just over" then.
    const size = MB(file.size) === MB(largest) ? `just over ${MB(largest)}` : MB(file.size);
    throw new InputImageError(`The image is ${size}; the studio takes images up to ${MB(largest)} (sent as text, they grow by a third, and the server takes ${MB(maxBytes)} per request).`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mime = sniffMime(bytes);
  if (!mime) throw new InputImageError('That file is not a PNG, JPEG or WebP image.');
  // The header's size first: a small file can declare a picture that would take gigabytes to decode.
  const declared = imageSize(bytes);
  if (!declared) throw new InputImageError('The image is damaged: its header cannot be read.');
  if (declared.width > INPUT_MAX_SIDE || declared.height > INPUT_MAX_SIDE) {
    throw new InputImageError(`The image is ${declared.width}×${declared.height} px; the API takes at most ${INPUT_MAX_SIDE} px a side.`);
  }
  const blob = new Blob([bytes], { type: mime });
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new InputImageError('The image is damaged: the browser cannot decode it.');
  }
  const { width, height } = bitmap;
  bitmap.close();
  if (width > INPUT_MAX_SIDE || height > INPUT_MAX_SIDE) {
    throw new InputImageError(`The image is ${width}×${height} px; the API takes at most ${INPUT_MAX_SIDE} px a side.`);
  }
  const hash = hex(await crypto.subtle.digest('SHA-256', bytes));
  return { blob, ref: { hash, mime, width, height } };
}

/** Stores the bytes under their hash (once: the same bytes again change nothing). */
export async function storeInput(blob: Blob, ref: InputRef): Promise<void> {
  if ((await get<unknown>(ref.hash, inputs)) instanceof Blob) return;
  await set(ref.hash, blob, inputs);
}

/** The stored bytes of an input image, or undefined (anything but a Blob reads as missing). */
export async function getInput(hash: string): Promise<Blob | undefined> {
  const value = await get<unknown>(hash, inputs);
  return value instanceof Blob ? value : undefined;
}

/** Every input image's hash. */
const listInputs = async () => (await keys(inputs)).filter((k): k is string => typeof k === 'string');

const deleteInput = (hash: string) => del(hash, inputs);

/** Deletes every input image but those named (Clear all keeps the ones the form still holds). */
export async function clearInputsExcept(keep: Iterable<string>): Promise<void> {
  const kept = new Set(keep);
  await Promise.all((await listInputs()).filter((hash) => !kept.has(hash)).map(deleteInput));
}

/** The bytes as a `data:` URL, the only form in which the server takes images from the browser. */
export function toDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read.'));
    reader.readAsDataURL(blob);
  });
}
