// What Edit and Use as control image do on gallery entries and in the viewer (the gallery cannot
// reach the form). Use as control image is offered only while the endpoint chosen takes control
// images. The handlers' code loads on first use (prefetched once the page is idle), off the first
// paint's script.
import type { GalleryEntry } from '@/lib/params';
import type { EntryEdits } from '@/features/gallery/components/entry-actions';
import { useConfig } from '@/features/generate/api/get-config';
import { useFormStore } from '@/features/generate/stores/form-store';
import { chosenEndpoint } from '@/features/generate/utils/edit-endpoint';
import { useNoticeStore } from '@/features/gallery/stores/notice-store';

/** Runs a handler once its code is in; a load that fails says so (the next press loads it again). */
const withEdits = (what: string, act: (edits: typeof import('./edit-entry')) => Promise<void>) =>
  void import('./edit-entry').then(act, (err: unknown) => useNoticeStore.getState().show(`Cannot ${what}: ${err instanceof Error ? err.message : String(err)}`, 'alert'));

export function useEntryEdits(): EntryEdits | undefined {
  const config = useConfig().data;
  const chosen = useFormStore((s) => s.endpoint);
  if (!config) return undefined;
  const endpoint = chosenEndpoint(config.endpoints, chosen);
  return {
    onEdit: (entry: GalleryEntry) => withEdits('edit this image', (m) => m.editEntry(entry, config)),
    ...(endpoint && endpoint.control_images > 0 ? { onControl: (entry: GalleryEntry) => withEdits('use this image as a control image', (m) => m.addAsControl(entry, config)) } : {}),
  };
}
