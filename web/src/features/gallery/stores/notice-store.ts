// A short confirmation for the gallery's quiet actions ("Seed copied"), read out by screen readers,
// optionally with one action (Undo).
import { create } from 'zustand';

export interface NoticeAction {
  label: string;
  run(): void;
}

interface NoticeState {
  message: string;
  kind: 'status' | 'alert';
  action?: NoticeAction;
  show(message: string, kind?: 'status' | 'alert', action?: NoticeAction): void;
  dismiss(): void;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useNoticeStore = create<NoticeState>()((set) => ({
  message: '',
  kind: 'status',
  show: (message, kind = 'status', action) => {
    clearTimeout(timer);
    set({ message, kind, action });
    timer = setTimeout(() => set({ message: '', action: undefined }), action ? 10_000 : kind === 'alert' ? 8000 : 2500);
  },
  dismiss: () => set({ message: '', action: undefined }),
}));
