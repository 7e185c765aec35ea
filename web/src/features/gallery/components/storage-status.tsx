// The gallery header's note on storage: whether the browser keeps it durably, and usage of quota.
import { describeStorage, useStorageState } from '../storage/persistence';

export function StorageStatus({ version }: { version: unknown }) {
  const { data } = useStorageState(version);
  if (!data) return null;
  return <span data-testid="storage-status"> · {describeStorage(data)}</span>;
}
