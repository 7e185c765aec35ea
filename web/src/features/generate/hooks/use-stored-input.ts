// The stored bytes of an input image, by hash, for its thumbnail: undefined while reading, null
// when this browser does not have them (storage cleared, or a draft from elsewhere).
import { useQuery } from '@tanstack/react-query';
import { getInput } from '@/lib/input-images';

export function useStoredInput(hash: string): Blob | null | undefined {
  const { data } = useQuery({
    queryKey: ['input-image', hash],
    queryFn: async () => (await getInput(hash)) ?? null,
    // The bytes under a hash never change; a missing one is looked for again (an import may add it).
    staleTime: (query) => (query.state.data ? Infinity : 0),
  });
  return data;
}
