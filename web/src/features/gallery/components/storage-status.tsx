// The gallery header's note on storage: whether the browser keeps it durably, and usage of quota.
import { describeStorage, useStorageStatus } from '@/features/gallery/api/storage-status';

/** Read again whenever `version` (the gallery's size) changes, and when the browser answers. */
export function StorageStatus({ version }: { version: unknown }) {
  const data = useStorageStatus(version);
  if (!data) return null;
  const title = data.durable ? 'The browser keeps this storage until you clear it.' : 'The browser may clear this storage when the disk runs short: export what you want to keep.';
  return <span data-testid="storage-status" title={title}> · {describeStorage(data)}</span>;
}
