// What a file dropped on the page (or chosen) does: an image restores the form from its embedded
// parameters; an exported zip goes to the gallery's own import.
import { create } from 'zustand';
import { useFormStore } from '../features/generate/stores/form-store';
import { announceChange, galleryKeys } from '../features/gallery/api/gallery';
import { queryClient } from '../lib/query-client';
import { plural } from '../lib/plural';

interface ImportState {
  message: string;
  ok: boolean;
  set(message: string, ok: boolean): void;
}

export const useImportStore = create<ImportState>()((set) => ({ message: '', ok: true, set: (message, ok) => set({ message, ok }) }));

export const isZip = (file: File) => /\.zip$/i.test(file.name) || file.type === 'application/zip' || file.type === 'application/x-zip-compressed';

async function importZip(file: File) {
  const report = useImportStore.getState().set;
  report(`Importing “${file.name}”…`, true);
  try {
    const { importGallery } = await import('../features/gallery/api/archive');
    const { added, skipped } = await importGallery(file);
    await queryClient.invalidateQueries({ queryKey: galleryKeys.list() });
    announceChange();
    report(`Imported ${plural(added, 'image')} from “${file.name}”${skipped ? `, skipped ${skipped} already here` : ''}.`, true);
  } catch (err) {
    report(`Could not import “${file.name}”: ${err instanceof Error ? err.message : String(err)}`, false);
  }
}

export async function importFile(file: File) {
  if (isZip(file)) return importZip(file);
  const report = useImportStore.getState().set;
  const { readParameters } = await import('../features/gallery/utils/metadata');
  const params = readParameters(new Uint8Array(await file.arrayBuffer()));
  if (!params) {
    report(`“${file.name}” carries no generation parameters, so there is nothing to restore. Drop an image downloaded from this studio (or another that writes them).`, false);
    return;
  }
  useFormStore.getState().apply(params);
  report(`Settings restored from “${file.name}”.`, true);
}
