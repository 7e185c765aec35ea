// The browser's storage as the gallery header describes it: whether it is kept durably, and usage of
// quota; read again whenever `version` (the gallery's size) changes, and when the browser answers
// the request to keep it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { describeStorage, onPersistAnswer, readStorage } from '@/features/gallery/storage/persistence';
import { galleryKeys } from './gallery';

const storageKey = [...galleryKeys.all, 'storage'] as const;

export { describeStorage };

export function useStorageStatus(version: unknown) {
  const queryClient = useQueryClient();
  useEffect(() => onPersistAnswer(() => void queryClient.invalidateQueries({ queryKey: storageKey })), [queryClient]);
  return useQuery({ queryKey: [...storageKey, version], queryFn: readStorage, placeholderData: (previous) => previous }).data;
}
