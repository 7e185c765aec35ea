// Clear all: every entry and image in this browser, and the input images (edit sources, control
// images) stored for them, but for those the caller says are still held (the form's source and
// control images, which the app layer names: the gallery cannot see the form). Deleting one entry
// keeps its inputs, so that Undo can bring it back whole.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { clearInputsExcept } from '@/lib/input-images';
import { clearAll } from '@/features/gallery/storage/gallery-db';
import { galleryKeys, updateList } from './gallery';

export function useClearGallery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (keepInputs: string[]) => {
      await clearAll();
      await clearInputsExcept(keepInputs);
    },
    onSuccess: () => {
      updateList(queryClient, () => []);
      queryClient.removeQueries({ queryKey: galleryKeys.all, type: 'inactive' });
    },
  });
}
