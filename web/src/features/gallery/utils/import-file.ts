// What a file dropped on the page (or chosen) does: an image restores the form from its embedded
// parameters; an exported zip goes to the gallery's own import. Loaded on first use (prefetched once
// the page is idle). It imports no store: they come in as `deps`, so that its chunk stays separate
// (a lazy chunk importing a package the entry also uses makes the bundler split that package out).
import type { ImageParams } from '@/lib/params';
import { PLOT_MAX_PLANNED, type PlotDefinition, type PlotRecord } from '@/lib/plot';
import { importHadTrouble, importSummary, type ImportResult } from '@/features/gallery/utils/import-summary';
import { isZip } from './is-zip';

export interface ImportDeps {
  /** Leaves the outcome's message (ok, or an alert). */
  report(message: string, ok: boolean): void;
  /** Puts the parameters read from an image into the form. */
  restore(params: Partial<ImageParams>): void;
  /** Puts a plot read from a dropped contact sheet into the form (mode X/Y plot). */
  restorePlot(definition: PlotDefinition, params: Partial<ImageParams>): void;
  /** The gallery's zip import. */
  importZip(file: File, onProgress: (done: number, total: number) => void): Promise<ImportResult>;
}

async function importZip(file: File, { report, importZip: importIntoGallery }: ImportDeps) {
  report(`Importing “${file.name}”…`, true);
  const started = performance.now();
  // The same count as the toolbar's import, for an import that takes over a second.
  const progress = (done: number, total: number) => performance.now() - started > 1000 && report(`Importing “${file.name}”: ${done + 1} of ${total}…`, true);
  try {
    const result = await importIntoGallery(file, progress);
    report(importSummary(result, file.name), !importHadTrouble(result));
  } catch (err) {
    report(`Could not import “${file.name}”: ${err instanceof Error ? err.message : String(err)}`, false);
  }
}

/** What a plot's cells share, from its first cell's request: the prompt as typed, steps, seed (locked), format, endpoint, adapter, guidance. */
export function plotParams(plot: PlotRecord): Partial<ImageParams> {
  const first = plot.cells[0]?.request;
  if (!first) return { prompt: plot.prompt };
  const { prompt: _, seed, ...rest } = first;
  return { ...rest, prompt: plot.prompt, ...(typeof seed === 'number' ? { seed } : {}) };
}

/** Never rejects: every outcome, a damaged file included, ends as a message. */
export async function importFile(file: File, deps: ImportDeps) {
  if (isZip(file)) return importZip(file, deps);
  const { report } = deps;
  try {
    const [{ readParameters }, { inspectSheet, SHEET_JSON_MAX }] = await Promise.all([import('@/features/gallery/utils/metadata'), import('@/features/gallery/utils/plot-sheet-meta')]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sheet = inspectSheet(bytes);
    if (sheet && 'plot' in sheet) {
      deps.restorePlot(sheet.plot.definition, plotParams(sheet.plot));
      report(`Restored the X/Y plot from “${file.name}”.`, true);
      return;
    }
    if (sheet) {
      const why = sheet.refused === 'too-large' ? `too large (over ${SHEET_JSON_MAX / 1024 / 1024} MiB, or more than ${PLOT_MAX_PLANNED} cells)` : 'damaged';
      report(`“${file.name}” is a contact sheet whose X/Y plot record is ${why}, so the plot could not be restored. Your form is unchanged.`, false);
      return;
    }
    const params = readParameters(bytes);
    if (!params) {
      report(`“${file.name}” carries no generation parameters, so there is nothing to restore. Drop an image downloaded from this studio (or another that writes them).`, false);
      return;
    }
    deps.restore(params);
    report(`Settings restored from “${file.name}”.`, true);
  } catch (err) {
    const damaged = err instanceof Error && err.name === 'DamagedImageError';
    report(
      damaged
        ? `“${file.name}” is damaged (cut short, or its data is corrupted), so its settings could not be read. Your form is unchanged.`
        : `Could not read “${file.name}”: ${err instanceof Error ? err.message : String(err)}. Your form is unchanged.`,
      false,
    );
  }
}
