// The gallery header's note on storage: whether the browser keeps it durably, and usage of quota.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { describeStorage, onPersistAnswer, readStorage } from '@/features/gallery/storage/persistence';

const storageKey = ['gallery', 'storage'] as const;

/** Read again whenever `version` (the gallery's size) changes, and when the browser answers. */
export function StorageStatus({ version }: { version: unknown }) {
  const queryClient = useQueryClient();
  useEffect(() => onPersistAnswer(() => void queryClient.invalidateQueries({ queryKey: storageKey })), [queryClient]);
  const { data } = useQuery({ queryKey: [...storageKey, version], queryFn: readStorage, placeholderData: (previous) => previous });
  if (!data) return null;
  const title = data.durable ? 'The browser keeps this storage until you clear it.' : 'The browser may clear this storage when the disk runs short: export what you want to keep.';
  return <span data-testid="storage-status" title={title}> · {describeStorage(data)}</span>;
}
