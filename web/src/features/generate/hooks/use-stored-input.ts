// The stored bytes of an input image, by hash, for its thumbnail: undefined while reading, null
// when this browser does not have them (storage cleared, or a draft from elsewhere). The query is
// the one the gallery's viewer uses too (lib/input-image-query.ts), so the bytes are cached once.
import { useQuery } from '@tanstack/react-query';
import { inputImageQuery } from '@/lib/input-image-query';

export const useStoredInput = (hash: string): Blob | null | undefined => useQuery(inputImageQuery(hash)).data;
