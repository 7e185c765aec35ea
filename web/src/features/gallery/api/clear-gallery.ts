// Clear all: every entry and image in this browser.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { clearAll } from '@/features/gallery/storage/gallery-db';
import { galleryKeys, updateList } from './gallery';

export function useClearGallery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: clearAll,
    onSuccess: () => {
      updateList(queryClient, () => []);
      queryClient.removeQueries({ queryKey: galleryKeys.all, type: 'inactive' });
    },
  });
}
