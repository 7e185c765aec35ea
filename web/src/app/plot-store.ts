// Which plot the result area shows (null: the latest image): the one just started, or one reopened
// from the gallery. Kept per tab across a reload (sessionStorage), so that an interrupted plot that
// was the last thing running comes back with Resume on screen.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface PlotState {
  shownPlotId: string | null;
  show(id: string | null): void;
}

export const usePlotStore = create<PlotState>()(
  persist((set) => ({ shownPlotId: null, show: (shownPlotId) => set({ shownPlotId }) }), {
    name: 'friendli-studio-plot-shown',
    storage: createJSONStorage(() => sessionStorage),
    // A stored value is untrusted: anything but a plausible id shows the latest image instead.
    merge: (persisted, current) => {
      const id = (persisted as { shownPlotId?: unknown } | null)?.shownPlotId;
      return { ...current, shownPlotId: typeof id === 'string' && id.length <= 200 ? id : null };
    },
  }),
);
