// Delete (with Undo: the entry's bytes are held in memory until the notice goes), star, clear all.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GalleryEntry } from '@/lib/params';
import { clearAll, deleteEntry, readWhole, saveEntry, updateEntry } from '@/features/gallery/storage/gallery-db';
import { useNoticeStore } from '@/features/gallery/stores/notice-store';
import { announceChange, galleryKeys } from './gallery';

export function useDeleteEntry() {
  const queryClient = useQueryClient();
  const setList = (update: (old: GalleryEntry[]) => GalleryEntry[]) => queryClient.setQueryData(galleryKeys.list(), (old: GalleryEntry[] = []) => update(old));
  return useMutation({
    mutationFn: async (id: string) => {
      const whole = await readWhole(id);
      await deleteEntry(id);
      return whole;
    },
    onSuccess: (whole, id) => {
      setList((old) => old.filter((e) => e.id !== id));
      announceChange();
      queryClient.removeQueries({ queryKey: galleryKeys.image(id) });
      if (!whole) return;
      useNoticeStore.getState().show('Deleted', 'status', {
        label: 'Undo',
        run: async () => {
          await saveEntry(whole.entry, whole.image, whole.thumb);
          setList((old) => [...old, whole.entry].sort((a, b) => b.createdAt - a.createdAt));
          announceChange();
          useNoticeStore.getState().show('Restored');
        },
      });
    },
  });
}

export function useToggleStar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (entry: GalleryEntry) => {
      const next = { ...entry, starred: !entry.starred };
      await updateEntry(next);
      return next;
    },
    onSuccess: (next) => {
      queryClient.setQueryData(galleryKeys.list(), (old: GalleryEntry[] = []) => old.map((e) => (e.id === next.id ? next : e)));
      announceChange();
    },
  });
}

export function useClearGallery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: clearAll,
    onSuccess: () => {
      queryClient.setQueryData(galleryKeys.list(), []);
      announceChange();
      queryClient.removeQueries({ queryKey: galleryKeys.all, type: 'inactive' });
    },
  });
}
