// A plot group's header in the gallery: Download grid, once the plot's record is read. A plot no
// longer stored (or damaged) shows nothing here; its cells stay ordinary entries.
import type { GalleryEntry } from '@/lib/params';
import { usePlot } from '@/features/gallery/api/plots';
import { DownloadGridButton } from './download-grid-button';

export function PlotGroupActions({ plotId, entries }: { plotId: string; entries: readonly GalleryEntry[] }) {
  const plot = usePlot(plotId).data?.plot;
  return plot ? <DownloadGridButton plot={plot} entries={entries} /> : null;
}
