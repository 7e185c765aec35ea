// The file import's store: what a file dropped on the page (or chosen) does, and the message it
// leaves. An image restores the form from its embedded parameters; an exported zip goes to the
// gallery's own import.
import { create } from 'zustand';
import { useFormStore } from '@/features/generate/stores/form-store';
import { importZip as importIntoGallery } from '@/features/gallery/api/import-gallery';
import { queryClient } from '@/lib/query-client';
import { plural } from '@/lib/plural';

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
  const started = performance.now();
  // The same count as the toolbar's import, for an import that takes over a second.
  const progress = (done: number, total: number) => performance.now() - started > 1000 && report(`Importing “${file.name}”: ${done + 1} of ${total}…`, true);
  try {
    const { added, skipped, damaged } = await importIntoGallery(queryClient, file, progress);
    const notes = `${skipped ? `, skipped ${skipped} already here` : ''}${damaged ? `, skipped ${damaged} damaged` : ''}`;
    report(`Imported ${plural(added, 'image')} from “${file.name}”${notes}.`, damaged === 0);
  } catch (err) {
    report(`Could not import “${file.name}”: ${err instanceof Error ? err.message : String(err)}`, false);
  }
}

/** Never rejects: every outcome, a damaged file included, ends as a message. */
export async function importFile(file: File) {
  if (isZip(file)) return importZip(file);
  const report = useImportStore.getState().set;
  try {
    const { readParameters } = await import('@/features/gallery/utils/metadata');
    const params = readParameters(new Uint8Array(await file.arrayBuffer()));
    if (!params) {
      report(`“${file.name}” carries no generation parameters, so there is nothing to restore. Drop an image downloaded from this studio (or another that writes them).`, false);
      return;
    }
    useFormStore.getState().apply(params);
    report(`Settings restored from “${file.name}”.`, true);
  } catch (err) {
    const damaged = err instanceof Error && err.name === 'DamagedImageError';
    report(
      damaged
        ? `“${file.name}” is damaged (cut short, or its data is corrupted), so its settings could not be read. Your form is unchanged.`
        : `Could not read “${file.name}”: ${err instanceof Error ? err.message : String(err)}. Your form is unchanged.`,
      false,
    );
  }
}
