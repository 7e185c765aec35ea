// Durable storage: asks the browser once, at the first save, to keep the gallery's storage even
// under pressure (navigator.storage.persist), and reports whether it does, with usage and quota.
import { useQuery, useQueryClient } from '@tanstack/react-query';

const storageKey = ['gallery', 'storage'] as const;
let asked = false;
let onAnswer: (() => void) | undefined;

/** Asks for durable storage, once per page; later calls do nothing. */
export function requestPersistence() {
  if (asked || !navigator.storage?.persist) return;
  asked = true;
  void navigator.storage.persist().then(() => onAnswer?.(), () => undefined);
}

export interface StorageState {
  durable: boolean;
  usage?: number;
  quota?: number;
}

async function readStorage(): Promise<StorageState | null> {
  if (!navigator.storage?.estimate) return null;
  const [durable, { usage, quota }] = await Promise.all([navigator.storage.persisted?.() ?? false, navigator.storage.estimate()]);
  return { durable, usage, quota };
}

/** The browser's answer, read again whenever the gallery list changes. */
export function useStorageState(version: unknown) {
  const queryClient = useQueryClient();
  onAnswer = () => void queryClient.invalidateQueries({ queryKey: storageKey });
  return useQuery({ queryKey: [...storageKey, version], queryFn: readStorage, placeholderData: (previous) => previous });
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
export function formatBytes(n: number): string {
  let i = 0;
  while (n >= 1000 && i < UNITS.length - 1) (n /= 1000), i++;
  return `${i === 0 ? n : n.toFixed(1)} ${UNITS[i]}`;
}

export function describeStorage({ durable, usage, quota }: StorageState): string {
  const kept = durable ? 'Stored durably' : 'Not stored durably';
  return usage !== undefined && quota ? `${kept} · ${formatBytes(usage)} of ${formatBytes(quota)}` : kept;
}
