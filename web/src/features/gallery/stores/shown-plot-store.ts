// Which plot the result area shows (null: the latest image): the one just started, or one reopened
// from the gallery. Kept per tab across a reload (sessionStorage), so that an interrupted plot that
// was the last thing running comes back with Resume on screen; a plot whose record was refused is not.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { spaced } from '@/lib/user-space';

interface PlotState {
  shownPlotId: string | null;
  /** The shown plot's record failed its check: its message stays on screen, but a reload shows the latest image. */
  refusedId: string | null;
  show(id: string | null): void;
  refuse(id: string): void;
}

export const usePlotStore = create<PlotState>()(
  persist(
    (set) => ({
      shownPlotId: null,
      refusedId: null,
      show: (shownPlotId) => set({ shownPlotId, refusedId: null }),
      refuse: (refusedId) => set({ refusedId }),
    }),
    {
      name: spaced('friendli-studio-plot-shown'),
      storage: createJSONStorage(() => sessionStorage),
      partialize: (s) => ({ shownPlotId: s.shownPlotId !== null && s.shownPlotId === s.refusedId ? null : s.shownPlotId }),
      // A stored value is untrusted: anything but a plausible id shows the latest image instead.
      merge: (persisted, current) => {
        const id = (persisted as { shownPlotId?: unknown } | null)?.shownPlotId;
        return { ...current, shownPlotId: typeof id === 'string' && id.length <= 200 ? id : null };
      },
    },
  ),
);
