// Which gallery entry the viewer shows (null: closed). Small synchronous UI state: zustand.
import { create } from 'zustand';

interface ViewerState {
  openId: string | null;
  open(id: string): void;
  close(): void;
}

export const useViewerStore = create<ViewerState>()((set) => ({
  openId: null,
  open: (openId) => set({ openId }),
  close: () => set({ openId: null }),
}));
