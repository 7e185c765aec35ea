// Which gallery entry the viewer shows (null: closed), and, when it was opened from a plot's grid,
// that grid (rows of entry ids; null where a cell has no image), so that its arrow keys move across
// it. Small synchronous UI state: zustand.
import { create } from 'zustand';

export type ViewerGrid = (string | null)[][];

interface ViewerState {
  openId: string | null;
  grid: ViewerGrid | null;
  /** Opens an entry; a grid it belongs to stays, any other is left. */
  open(id: string): void;
  openInGrid(id: string, grid: ViewerGrid): void;
  close(): void;
}

const inGrid = (grid: ViewerGrid | null, id: string) => !!grid?.some((row) => row.includes(id));

export const useViewerStore = create<ViewerState>()((set) => ({
  openId: null,
  grid: null,
  open: (openId) => set((s) => ({ openId, grid: inGrid(s.grid, openId) ? s.grid : null })),
  openInGrid: (openId, grid) => set({ openId, grid }),
  close: () => set({ openId: null, grid: null }),
}));

/**
 * The entry an arrow key moves to in a grid: left/right along the row, up/down along the column,
 * past cells with no image; undefined at an edge or when the entry is not in the grid.
 */
export function stepInGrid(grid: ViewerGrid, id: string, dx: number, dy: number): string | undefined {
  const row = grid.findIndex((r) => r.includes(id));
  if (row < 0) return undefined;
  let [y, x] = [row, grid[row]!.indexOf(id)];
  for (;;) {
    [y, x] = [y + dy, x + dx];
    const next = grid[y]?.[x];
    if (next === undefined) return undefined;
    if (next) return next;
  }
}
