// Reading a contact sheet back: the plot it carries, or undefined for anything else.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { embedPlot, plotParametersText, readSheet, SHEET_JSON_MAX, SHEET_KEY } from './plot-sheet-meta';
import { iTxt, pngTexts, rewritePng } from './png-text';
import { embedParameters } from './metadata';
import { plotRecord } from '@/lib/plot-fixture.test-util';

const png = async () => new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#eee' } }).png().toBuffer());
const withText = async (text: string) => rewritePng(await png(), [], [iTxt(SHEET_KEY, text)]);

describe('readSheet', () => {
  it('reads back the whole plot, with a parameters text a person can read', async () => {
    const plot = plotRecord();
    const sheet = embedPlot(await png(), plot);
    expect(readSheet(sheet)).toEqual(plot);
    const text = pngTexts(sheet).get('parameters')!;
    expect(text).toContain('a red barn, 🌾');
    expect(text).toContain('X axis: Steps = 2 | 4');
    expect(text).toContain('Y axis: Seed = 11 | 12');
    expect(text).toContain('Format: png, Model: local-engine');
    expect(plotParametersText(plotRecord({ axes: { x: { kind: 'adapter', values: [null, 'ink'] }, y: null, z: null } }))).toContain('X axis: Adapter = None | ink');
  });

  it('damaged JSON, a wrong version or a record failing the plot schema: undefined', async () => {
    expect(readSheet(await withText('{"version": 1, "plot": '))).toBeUndefined();
    expect(readSheet(await withText(JSON.stringify({ version: 2, plot: plotRecord() })))).toBeUndefined();
    expect(readSheet(await withText(JSON.stringify({ version: 1, plot: { ...plotRecord(), cells: 'all' } })))).toBeUndefined();
    expect(readSheet(await withText(JSON.stringify({ version: 1, plot: { ...plotRecord(), definition: { x: { kind: 'colour', text: 'red' }, y: null, z: null, perCell: 1 } } })))).toBeUndefined();
    expect(readSheet(await withText('null'))).toBeUndefined();
  });

  it('refuses JSON past the size cap without parsing it', async () => {
    const plot = plotRecord();
    const padded = JSON.stringify({ version: 1, plot, pad: 'x'.repeat(SHEET_JSON_MAX) });
    expect(readSheet(await withText(padded))).toBeUndefined();
  });

  it('a foreign PNG, an ordinary image of ours, a damaged PNG or not a PNG: undefined', async () => {
    const plain = await png();
    expect(readSheet(plain)).toBeUndefined();
    expect(readSheet(embedParameters(plain, { prompt: 'p', num_inference_steps: 4, seed: 1, response_format: 'png' }))).toBeUndefined();
    const cut = embedPlot(plain, plotRecord()).slice(0, 60);
    expect(readSheet(cut)).toBeUndefined();
    expect(readSheet(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBeUndefined();
  });
});
