// Download grid: a plot's cells as one PNG contact sheet (one per Z value, in a zip), at a chosen
// cell size, with the plot embedded so that dropping the sheet restores it. Shown in a plot group's
// header, and reused by the grid view. A grid larger than one sheet comes as a zip of parts; one too
// large to draw is refused with the reason before anything is drawn. The drawing code loads on first use.
import { useId, useState } from 'react';
import type { GalleryEntry } from '@/lib/params';
import { entriesByCell, type PlotRecord } from '@/lib/plot';
import { entryImage } from '@/features/gallery/api/gallery';

export const SHEET_SIZES = [256, 384, 512] as const;

/** The images of the plot's cells, by cell id (the newest when a cell was re-run). */
async function cellImages(plot: PlotRecord, entries: readonly GalleryEntry[]) {
  const images = new Map<string, Blob>();
  for (const [id, entry] of entriesByCell(plot.id, entries)) {
    const image = await entryImage(entry.id);
    if (image) images.set(id, image);
  }
  return images;
}

const fileBase = (plot: PlotRecord) => `plot-${new Date(plot.createdAt).toISOString().slice(0, 10)}-${plot.id.replace(/[^\w-]+/g, '').slice(0, 12)}`;

export function DownloadGridButton({ plot, entries }: { plot: PlotRecord; entries: readonly GalleryEntry[] }) {
  const [size, setSize] = useState<number>(384);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const sheets = await import('@/features/gallery/utils/contact-sheet');
      const refusal = sheets.gridRefusal(plot, size);
      if (refusal) {
        setError(`The grid was not drawn: ${refusal}`);
        return;
      }
      const [{ saveFile }, images] = await Promise.all([import('@/features/gallery/utils/download'), cellImages(plot, entries)]);
      const count = sheets.sheetCount(plot, size);
      if (count > 1) saveFile(await sheets.sheetsZip(plot, images, { size }), `${fileBase(plot)}-${count}-sheets.zip`);
      else saveFile(await sheets.renderSheet(plot, images, { size, z: sheets.sheetZs(plot)[0] ?? 0 }), `${fileBase(plot)}.png`);
    } catch (err) {
      setError(`The grid could not be drawn: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="flex items-center gap-1.5 font-normal">
      <label htmlFor={selectId} className="sr-only">
        Grid cell size
      </label>
      <select id={selectId} value={size} onChange={(e) => setSize(Number(e.target.value))} className="h-7 rounded border border-zinc-300 bg-white px-1 text-xs text-zinc-800 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100">
        {SHEET_SIZES.map((s) => (
          <option key={s} value={s}>
            {s} px
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void download()} disabled={busy} className="h-7 rounded border border-zinc-300 px-2 text-xs font-medium text-zinc-800 hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800">
        {busy ? 'Drawing grid…' : 'Download grid'}
      </button>
      {error && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}

