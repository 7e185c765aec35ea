// A file dropped on the page (or chosen): the gallery reads it (an exported zip comes into the
// gallery, an image's embedded parameters or plot are read); what it restores goes to the form.
import { useImportStore } from '@/features/gallery/stores/import-store';
import { useFormStore } from '@/features/generate/stores/form-store';
import type { ImageParams } from '@/lib/params';
import { queryClient } from '@/lib/query-client';
import { restoreForm } from './restore-form';

// A file dropped as the page starts goes over the tab's draft once that is read back, never under it.
const form = () => restoreForm().then(() => useFormStore.getState());

/** Never rejects: the import code loads on first use, and a load that fails ends as a message too. */
export function importFile(file: File) {
  const report = useImportStore.getState().set;
  const deps = {
    report,
    restore: (params: Partial<ImageParams>) => void form().then((s) => s.apply(params)),
    restorePlot: (definition: unknown, params: Partial<ImageParams>) => form().then((s) => s.applyPlot(definition, params)),
    importZip: async (zip: File, onProgress: (done: number, total: number) => void) => (await import('@/features/gallery/api/import-gallery')).importZip(queryClient, zip, onProgress),
  };
  return import('@/features/gallery/utils/import-file').then(
    (m) => m.importFile(file, deps),
    (err: unknown) => report(`Could not read “${file.name}”: ${err instanceof Error ? err.message : String(err)}. Your form is unchanged.`, false),
  );
}
