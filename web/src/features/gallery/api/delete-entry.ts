// Delete, with Undo: the entry's bytes are held in memory until the notice goes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteEntry, readWhole, saveEntry } from '@/features/gallery/storage/gallery-db';
import { useNoticeStore } from '@/features/gallery/stores/notice-store';
import { galleryKeys, updateList } from './gallery';

export function useDeleteEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const whole = await readWhole(id);
      await deleteEntry(id);
      return whole;
    },
    onSuccess: (whole, id) => {
      updateList(queryClient, (old) => old.filter((e) => e.id !== id));
      queryClient.removeQueries({ queryKey: galleryKeys.image(id) });
      if (!whole) return;
      useNoticeStore.getState().show('Deleted', 'status', {
        label: 'Undo',
        run: async () => {
          await saveEntry(whole.entry, whole.image, whole.thumb);
          updateList(queryClient, (old) => [...old, whole.entry].sort((a, b) => b.createdAt - a.createdAt));
          useNoticeStore.getState().show('Restored');
        },
      });
    },
  });
}
