// Import an exported zip into the gallery. The archive code (with fflate) loads on first use; the
// list is read again afterwards, also after a refusal part-way: what came before it is stored.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Progress } from './archive';
import { reloadList } from './gallery';

export async function importZip(client: QueryClient, file: Blob, onProgress?: Progress) {
  try {
    return await (await import('./archive')).importGallery(file, onProgress);
  } finally {
    await reloadList(client);
  }
}

export function useImportGallery() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: ({ file, onProgress }: { file: File; onProgress?: Progress }) => importZip(queryClient, file, onProgress) });
}
