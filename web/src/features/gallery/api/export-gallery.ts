// Export the gallery, or a selection, as a zip (the archive code loads on first use).
import { useMutation } from '@tanstack/react-query';
import type { Progress } from './archive';

export function useExportGallery() {
  return useMutation({
    mutationFn: async ({ ids, onProgress }: { ids: string[]; onProgress?: Progress }) => (await import('./archive')).exportGallery(ids, onProgress),
    // Every byte it touches is in IndexedDB: it runs with the network gone too (react-query would
    // otherwise hold it until the browser is back online).
    networkMode: 'always',
  });
}
