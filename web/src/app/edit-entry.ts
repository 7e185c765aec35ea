// Edit and Use as control image: a gallery entry into the form. The gallery takes the entry's bytes
// as an input image (checked, stored once by hash); the generate feature says which endpoint an
// edit goes to; here they meet: the form's source is set (the entry recorded as the parent), or a
// control image added, and the gallery's notice says what happened.
import type { EndpointInfo } from '@server/contract';
import type { GalleryEntry, InputRef } from '@/lib/params';
import { entryAsInput } from '@/features/gallery/api/input-image';
import { useNoticeStore } from '@/features/gallery/stores/notice-store';
import { focusPrompt } from '@/features/generate/components/prompt-field';
import { useFormStore } from '@/features/generate/stores/form-store';
import { chosenEndpoint, editEndpoint, editorNames } from '@/features/generate/utils/edit-endpoint';

export interface EditConfig {
  endpoints: EndpointInfo[];
  image_input_bytes: number;
}

const notify = (message: string, kind?: 'status' | 'alert') => useNoticeStore.getState().show(message, kind);
const quote = (prompt: string) => `“${prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt}”`;

/** The entry's bytes as an input image, stored; undefined (with a message) when they cannot be. */
async function asInput(entry: GalleryEntry, config: EditConfig, what: string): Promise<InputRef | undefined> {
  try {
    return await entryAsInput(entry, config.image_input_bytes);
  } catch (err) {
    return void notify(`Cannot ${what}: ${err instanceof Error ? err.message : String(err)}`, 'alert');
  }
}

export async function editEntry(entry: GalleryEntry, config: EditConfig) {
  const source = await asInput(entry, config, 'edit this image');
  if (!source) return;
  const form = useFormStore.getState();
  const chosen = chosenEndpoint(config.endpoints, form.endpoint);
  const editor = editEndpoint(config.endpoints, form.endpoint, entry.endpoint);
  if (editor && editor.id !== chosen?.id) form.setEndpoint(editor.id);
  form.setSource(source);
  focusPrompt();
  if (editor) return notify(`Editing ${quote(entry.prompt)}: type the instruction, then Generate.`);
  const able = editorNames(config.endpoints);
  notify(
    `${chosen?.name ?? 'This server'} cannot edit images, so Generate would ignore the source. ${able.length ? `Choose an endpoint that can: ${able.join(', ')}.` : 'No endpoint on this server can edit.'}`,
    'alert',
  );
}

/** The endpoint chosen, how many control images it takes, and how many of the form's it would send. */
function controlCount(config: EditConfig) {
  const form = useFormStore.getState();
  const endpoint = chosenEndpoint(config.endpoints, form.endpoint);
  const limit = endpoint?.control_images ?? 0;
  return { name: endpoint?.name ?? 'This server', limit, count: Math.min(form.controls.length, limit) };
}

export async function addAsControl(entry: GalleryEntry, config: EditConfig) {
  const { name, limit, count } = controlCount(config);
  if (limit === 0) return notify(`${name} takes no control images.`, 'alert');
  if (count >= limit) return notify(`The form has ${limit === 1 ? 'a control image' : `${limit} control images`} already, the most ${name} takes: remove one to add this image.`, 'alert');
  const image = await asInput(entry, config, 'use this image as a control image');
  if (!image) return;
  // Counted again: another image may have been added while this one was read.
  const now = controlCount(config);
  if (now.count >= now.limit) return notify(`The form has the most control images ${now.name} takes: remove one to add this image.`, 'alert');
  useFormStore.getState().addControl(image);
  notify(`Added as control image ${now.count + 1}`);
}
