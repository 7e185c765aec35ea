// The gallery's view: search text, favourites filter, and the entries selected for compare or
// export. Small synchronous UI state: zustand.
import { create } from 'zustand';

export const MAX_COMPARE = 4;

interface GalleryViewState {
  query: string;
  favouritesOnly: boolean;
  selected: string[];
  comparing: boolean;
  setQuery(query: string): void;
  setFavouritesOnly(on: boolean): void;
  toggleSelected(id: string): void;
  clearSelection(): void;
  setComparing(on: boolean): void;
  /** Opens Compare on these entries (the first is the reference), in place of the selection. */
  compare(ids: string[]): void;
}

export const useGalleryViewStore = create<GalleryViewState>()((set) => ({
  query: '',
  favouritesOnly: false,
  selected: [],
  comparing: false,
  setQuery: (query) => set({ query }),
  setFavouritesOnly: (favouritesOnly) => set({ favouritesOnly }),
  toggleSelected: (id) => set((s) => ({ selected: s.selected.includes(id) ? s.selected.filter((x) => x !== id) : [...s.selected, id] })),
  clearSelection: () => set({ selected: [], comparing: false }),
  setComparing: (comparing) => set({ comparing }),
  compare: (ids) => set({ selected: ids, comparing: true }),
}));
