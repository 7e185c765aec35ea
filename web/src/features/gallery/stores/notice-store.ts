// A short confirmation for the gallery's quiet actions ("Seed copied"), read out by screen readers.
import { create } from 'zustand';

interface NoticeState {
  message: string;
  kind: 'status' | 'alert';
  show(message: string, kind?: 'status' | 'alert'): void;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useNoticeStore = create<NoticeState>()((set) => ({
  message: '',
  kind: 'status',
  show: (message, kind = 'status') => {
    clearTimeout(timer);
    set({ message, kind });
    timer = setTimeout(() => set({ message: '' }), kind === 'alert' ? 8000 : 2500);
  },
}));
