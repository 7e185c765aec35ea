// Star or unstar an entry (favourites).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GalleryEntry } from '@/lib/params';
import { updateEntry } from '@/features/gallery/storage/gallery-db';
import { updateList } from './gallery';

export function useToggleStar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (entry: GalleryEntry) => {
      const next = { ...entry, starred: !entry.starred };
      await updateEntry(next);
      return next;
    },
    onSuccess: (next) => updateList(queryClient, (old) => old.map((e) => (e.id === next.id ? next : e))),
  });
}
