// Durable storage: asks the browser once, at the first save, to keep the gallery's storage even
// under pressure (navigator.storage.persist), and reports whether it does, with usage and quota.
let asked = false;
const answered = new Set<() => void>();

/** Called once the browser has answered the request (the status shown may change). */
export const onPersistAnswer = (listener: () => void) => (answered.add(listener), () => void answered.delete(listener));

/** Asks for durable storage, once per page; later calls do nothing. */
export function requestPersistence() {
  if (asked || !navigator.storage?.persist) return;
  asked = true;
  void navigator.storage.persist().then(() => answered.forEach((l) => l()), () => undefined);
}

export interface StorageState {
  durable: boolean;
  usage?: number;
  quota?: number;
}

export async function readStorage(): Promise<StorageState | null> {
  if (!navigator.storage?.estimate) return null;
  const [durable, { usage, quota }] = await Promise.all([navigator.storage.persisted?.() ?? false, navigator.storage.estimate()]);
  return { durable, usage, quota };
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
function formatBytes(n: number): string {
  let i = 0;
  for (; n >= 1000 && i < UNITS.length - 1; i++) n /= 1000;
  return `${i === 0 ? n : n.toFixed(1)} ${UNITS[i]}`;
}

export function describeStorage({ durable, usage, quota }: StorageState): string {
  const kept = durable ? 'Stored durably' : 'Not stored durably';
  return usage !== undefined && quota ? `${kept} · ${formatBytes(usage)} of ${formatBytes(quota)}` : kept;
}
