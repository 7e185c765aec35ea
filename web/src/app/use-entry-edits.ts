// What Edit and Use as control image do on gallery entries and in the viewer (the gallery cannot
// reach the form). Use as control image is offered only while the endpoint chosen takes control
// images. The handlers are static: a lazy chunk of their own made the bundler split the first
// paint's script into several chunks that, together, weighed more.
import type { GalleryEntry } from '@/lib/params';
import type { EntryEdits } from '@/features/gallery/components/entry-actions';
import { useConfig } from '@/features/generate/api/get-config';
import { useFormStore } from '@/features/generate/stores/form-store';
import { chosenEndpoint } from '@/features/generate/utils/edit-endpoint';
import { addAsControl, editEntry } from './edit-entry';

export function useEntryEdits(): EntryEdits | undefined {
  const config = useConfig().data;
  const chosen = useFormStore((s) => s.endpoint);
  if (!config) return undefined;
  const endpoint = chosenEndpoint(config.endpoints, chosen);
  return {
    onEdit: (entry: GalleryEntry) => void editEntry(entry, config),
    ...(endpoint && endpoint.control_images > 0 ? { onControl: (entry: GalleryEntry) => void addAsControl(entry, config) } : {}),
  };
}
