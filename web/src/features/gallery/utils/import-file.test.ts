// Restoring settings from a file never rejects: a damaged image ends as a clear message.
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { embedParameters } from '@/features/gallery/utils/metadata';
import { embedPlot } from '@/features/gallery/utils/plot-sheet-meta';
import { plotRecord } from '@/lib/plot-fixture.test-util';
import { importFile } from './import-file';
import { useImportStore } from '@/features/gallery/stores/import-store';

describe('importFile', () => {
  it('a PNG cut short gives a message saying it is damaged, and does not reject', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } }).png().toBuffer());
    const tagged = embedParameters(png, { prompt: 'a lake', num_inference_steps: 4, seed: 1, response_format: 'png' });
    const file = new File([tagged.slice(0, tagged.length - 30)], 'cut.png', { type: 'image/png' });
    const restore = vi.fn();
    await expect(importFile(file, { report: useImportStore.getState().set, restore, restorePlot: vi.fn(), importZip: vi.fn() })).resolves.toBeUndefined();
    expect(useImportStore.getState()).toMatchObject({ ok: false, message: expect.stringContaining('“cut.png” is damaged') });
    expect(restore).not.toHaveBeenCalled();
  });

  it('a dropped image restores the endpoint, adapter and guidance it was made with', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } }).png().toBuffer());
    const source = { hash: 'ab'.repeat(32), mime: 'image/png' as const, width: 8, height: 8, entryId: 'parent' };
    const tagged = embedParameters(png, { prompt: 'make the sky violet', num_inference_steps: 4, seed: 1, response_format: 'png', endpoint: 'local-engine', adapter: 'watercolor', guidance_scale: 7.5, source });
    const restore = vi.fn();
    await importFile(new File([tagged as Uint8Array<ArrayBuffer>], 'edit.png', { type: 'image/png' }), { report: useImportStore.getState().set, restore, restorePlot: vi.fn(), importZip: vi.fn() });
    expect(restore).toHaveBeenCalledWith({ prompt: 'make the sky violet', num_inference_steps: 4, seed: 1, response_format: 'png', endpoint: 'local-engine', adapter: 'watercolor', guidance_scale: 7.5 });
  });

  it('a dropped contact sheet restores the plot: its definition, the prompt as typed and the first cell’s fixed parameters', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer());
    const plot = plotRecord();
    const sheet = embedPlot(png, plot);
    const restore = vi.fn();
    const restorePlot = vi.fn();
    await importFile(new File([sheet as Uint8Array<ArrayBuffer>], 'grid.png', { type: 'image/png' }), { report: useImportStore.getState().set, restore, restorePlot, importZip: vi.fn() });
    expect(restorePlot).toHaveBeenCalledWith(plot.definition, { prompt: 'a red barn, 🌾', num_inference_steps: 2, seed: 11, response_format: 'png', endpoint: 'local-engine' });
    expect(restore).not.toHaveBeenCalled();
    expect(useImportStore.getState()).toMatchObject({ ok: true, message: 'Restored the X/Y plot from “grid.png”.' });
  });

  it('a sheet whose plot fails the schema says its plot record is damaged, not that it carries nothing', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer());
    const sheet = embedPlot(png, { ...plotRecord(), cells: 'broken' } as never);
    const restorePlot = vi.fn();
    await importFile(new File([sheet as Uint8Array<ArrayBuffer>], 'bad.png', { type: 'image/png' }), { report: useImportStore.getState().set, restore: vi.fn(), restorePlot, importZip: vi.fn() });
    expect(restorePlot).not.toHaveBeenCalled();
    expect(useImportStore.getState()).toMatchObject({ ok: false, message: '“bad.png” is a contact sheet whose X/Y plot record is damaged, so the plot could not be restored. Your form is unchanged.' });
  });
});
