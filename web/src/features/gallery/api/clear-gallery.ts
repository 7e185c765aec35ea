// Clear all: every entry and image in this browser, every plot, and the input images (edit sources, control
// images) stored for them, but for those the caller says are still held (the form's source and
// control images, which the app layer names: the gallery cannot see the form). Deleting one entry
// keeps its inputs, so that Undo can bring it back whole.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { clearInputsExcept } from '@/lib/input-images';
import { clearAll } from '@/features/gallery/storage/gallery-db';
import { clearPlots } from '@/features/gallery/storage/plot-db';
import { galleryKeys, updateList } from './gallery';

export function useClearGallery() {
  const queryClient = useQueryClient();
  return useMutation({
    // Named as the clearing starts (the code that knows them may still be loading when it is asked).
    mutationFn: async (keepInputs?: () => Promise<string[]>) => {
      const keep = (await keepInputs?.()) ?? [];
      await clearAll();
      await clearPlots();
      await clearInputsExcept(keep);
    },
    onSuccess: () => {
      updateList(queryClient, () => []);
      queryClient.removeQueries({ queryKey: galleryKeys.all, type: 'inactive' });
      // A plot's grid on screen says its plot is gone.
      void queryClient.invalidateQueries({ queryKey: [...galleryKeys.all, 'plot'] });
    },
  });
}
