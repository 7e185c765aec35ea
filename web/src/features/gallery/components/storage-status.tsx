// The gallery header's note on storage: whether the browser keeps it durably, and usage of quota.
import { describeStorage, useStorageState } from '../storage/persistence';

export function StorageStatus({ version }: { version: unknown }) {
  const { data } = useStorageState(version);
  if (!data) return null;
  const title = data.durable ? 'The browser keeps this storage until you clear it.' : 'The browser may clear this storage when the disk runs short: export what you want to keep.';
  return <span data-testid="storage-status" title={title}> · {describeStorage(data)}</span>;
}
