import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GalleryEntry } from '../../../lib/params';
import { deleteEntry } from '../storage/gallery-db';
import { galleryKeys } from './gallery';

export function useDeleteEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEntry,
    onSuccess: (_, id) => {
      queryClient.setQueryData(galleryKeys.list(), (old: GalleryEntry[] = []) => old.filter((e) => e.id !== id));
      queryClient.removeQueries({ queryKey: galleryKeys.thumb(id) });
      queryClient.removeQueries({ queryKey: galleryKeys.image(id) });
    },
  });
}
