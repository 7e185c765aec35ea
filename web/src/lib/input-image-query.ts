// The one react-query key for an input image's stored bytes (an edit's source, a control image),
// shared by the form's thumbnails and the gallery's viewer so that the same bytes are cached once.
import { queryOptions } from '@tanstack/react-query';
import { getInput } from './input-images';

/**
 * The stored bytes of an input image by hash: null when this browser does not have them (storage
 * cleared, a draft from elsewhere). The bytes under a hash never change; a missing one is looked for
 * again (an import may add it).
 */
export const inputImageQuery = (hash: string) =>
  queryOptions({
    queryKey: ['input-image', hash] as const,
    queryFn: async () => (await getInput(hash)) ?? null,
    staleTime: (query) => (query.state.data ? Infinity : 0),
  });
