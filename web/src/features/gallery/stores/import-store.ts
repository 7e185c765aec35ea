// The message a dropped (or chosen) file leaves (shown in the action bar). What a file does is in
// import-file.ts, loaded on first use.
import { create } from 'zustand';

interface ImportState {
  message: string;
  ok: boolean;
  set(message: string, ok: boolean): void;
}

export const useImportStore = create<ImportState>()((set) => ({ message: '', ok: true, set: (message, ok) => set({ message, ok }) }));
