// Edit and Use as control image: a gallery entry into the form. Its stored bytes are checked as any
// input image is (IndexedDB is untrusted, and may hold an import), stored once by hash, then set as
// the form's source (the entry recorded as the parent) or added as a control image.
import type { EndpointInfo } from '@server/contract';
import { readInputImage, storeInput } from '@/lib/input-images';
import type { GalleryEntry, InputRef } from '@/lib/params';
import { getImage } from '@/features/gallery/storage/gallery-db';
import { useNoticeStore } from '@/features/gallery/stores/notice-store';
import { focusPrompt } from '@/features/generate/components/prompt-field';
import { useFormStore } from '@/features/generate/stores/form-store';
import { resolveForm } from '@/features/generate/utils/resolve-form';

export interface EditConfig {
  endpoints: EndpointInfo[];
  image_input_bytes: number;
}

const notify = (message: string, kind?: 'status' | 'alert') => useNoticeStore.getState().show(message, kind);
const quote = (prompt: string) => `“${prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt}”`;

/** The entry's bytes as an input image, stored; undefined (with a message) when they cannot be. */
async function asInput(entry: GalleryEntry, config: EditConfig, what: string): Promise<InputRef | undefined> {
  const image = await getImage(entry.id);
  if (!image) return void notify(`Cannot ${what}: this image’s bytes are missing from the browser’s storage.`, 'alert');
  try {
    const { blob, ref } = await readInputImage(image, config.image_input_bytes);
    await storeInput(blob, ref);
    return { ...ref, entryId: entry.id };
  } catch (err) {
    return void notify(`Cannot ${what}: ${err instanceof Error ? err.message : String(err)}`, 'alert');
  }
}

export async function editEntry(entry: GalleryEntry, config: EditConfig) {
  const source = await asInput(entry, config, 'edit this image');
  if (!source) return;
  const form = useFormStore.getState();
  // The endpoint that made it, when it is still there and can edit: the edit starts where the image
  // did. Otherwise the one chosen, if it can edit, else the first that can.
  const made = config.endpoints.find((e) => e.id === entry.endpoint && e.edit);
  const chosen = resolveForm(form, config.endpoints).endpoint;
  const editor = made ?? (chosen.edit ? chosen : config.endpoints.find((e) => e.edit));
  if (editor && editor.id !== chosen.id) form.setEndpoint(editor.id);
  form.setSource(source);
  focusPrompt();
  const { endpoint } = resolveForm(useFormStore.getState(), config.endpoints);
  if (endpoint.edit) return notify(`Editing ${quote(entry.prompt)}: type the instruction, then Generate.`);
  const able = config.endpoints.filter((e) => e.edit).map((e) => e.name);
  notify(
    `${endpoint.name} cannot edit images, so Generate would ignore the source. ${able.length ? `Choose an endpoint that can: ${able.join(', ')}.` : 'No endpoint on this server can edit.'}`,
    'alert',
  );
}

export async function addAsControl(entry: GalleryEntry, config: EditConfig) {
  const { endpoint, controls } = resolveForm(useFormStore.getState(), config.endpoints);
  const limit = endpoint.control_images;
  if (limit === 0) return notify(`${endpoint.name} takes no control images.`, 'alert');
  if (controls.length >= limit) {
    return notify(`The form has ${limit === 1 ? 'a control image' : `${limit} control images`} already, the most ${endpoint.name} takes: remove one to add this image.`, 'alert');
  }
  const image = await asInput(entry, config, 'use this image as a control image');
  if (!image) return;
  // Counted again: another image may have been added while this one was read.
  const now = resolveForm(useFormStore.getState(), config.endpoints);
  if (now.controls.length >= now.endpoint.control_images) return notify(`The form has the most control images ${now.endpoint.name} takes: remove one to add this image.`, 'alert');
  useFormStore.getState().addControl(image);
  notify(`Added as control image ${now.controls.length + 1}`);
}
