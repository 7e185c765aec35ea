// The plot started last (its id; the record is in the plots store), for the result area to show.
import { create } from 'zustand';

export const usePlotStore = create<{ latestPlotId: string | null }>()(() => ({ latestPlotId: null }));
