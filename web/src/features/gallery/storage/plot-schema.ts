// The plot record's schema lives in the one schema module (lib/schema.ts); this name stays for the
// gallery's storage, zip and sheet code.
export { checkPlot, parsePlot, plannedCells, type PlotCheck } from '@/lib/schema';
