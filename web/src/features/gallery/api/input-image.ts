// An input image's stored bytes (an edit's source), read from the input store when shown: what the
// viewer shows when the source is not (or no longer) a gallery entry.
import { useQuery } from '@tanstack/react-query';
import { getInput } from '@/lib/input-images';

/** null: no such bytes in this browser. Small and rarely shown: kept briefly once off screen. */
export const useInputImage = (hash: string | undefined) =>
  useQuery({ queryKey: ['inputs', hash ?? ''], queryFn: async () => (await getInput(hash!)) ?? null, enabled: !!hash, gcTime: 30_000 });
