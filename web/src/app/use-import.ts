// Restores the form from an image file's embedded parameters (dropped on the page or chosen).
import { create } from 'zustand';
import { useFormStore } from '../features/generate/stores/form-store';

interface ImportState {
  message: string;
  ok: boolean;
  set(message: string, ok: boolean): void;
}

export const useImportStore = create<ImportState>()((set) => ({ message: '', ok: true, set: (message, ok) => set({ message, ok }) }));

/** Never rejects: every outcome, a damaged file included, ends as a message. */
export async function importFile(file: File) {
  const report = useImportStore.getState().set;
  try {
    const { readParameters } = await import('../features/gallery/utils/metadata');
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
