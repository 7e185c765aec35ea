// The gallery record's schema lives in the one schema module (lib/schema.ts); this name stays for
// the gallery's storage and zip code.
export { parseEntry } from '@/lib/schema';
