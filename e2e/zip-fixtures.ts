// Zips and images built in the test process for the import tests: small PNGs (sharp), gallery
// records, and exports with chosen faults in them.
import sharp from 'sharp';
import { strToU8, zipSync } from 'fflate';

export const png = async (colour: string) => new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: colour } }).png().toBuffer());

export const record = (id: string, over: Record<string, unknown> = {}) => ({
  id, prompt: `imported ${id}`, steps: 4, seed: 7, format: 'png', engine: 'local', endpoint: 'local-engine', createdAt: 1_700_000_000_000, elapsedMs: 100,
  mime: 'image/png', width: 8, height: 8, bytes: 100, ...over,
});

/** An input image (an edit's source, a control image) as an export carries it: inputs/<sha-256>.<ext>. */
export interface ZipInput {
  hash: string;
  mime: string;
  bytes: Uint8Array;
}

/** An export as the studio writes one: images/<id>.png per record, its input images, then manifest.json (with the plots given). */
export function exportZip(items: { record: Record<string, unknown>; image: Uint8Array }[], inputs?: ZipInput[], plots?: unknown[]) {
  const files: Record<string, Uint8Array> = {};
  const entries = items.map(({ record, image }) => {
    const file = `images/${String(record.id)}.png`;
    files[file] = image;
    return { ...record, file };
  });
  const listed = inputs?.map(({ hash, mime, bytes }) => {
    const file = `inputs/${hash}.${mime === 'image/jpeg' ? 'jpg' : mime.slice('image/'.length)}`;
    files[file] = bytes;
    return { hash, mime, file };
  });
  files['manifest.json'] = strToU8(JSON.stringify({ app: 'friendli-image-studio', version: 1, exported_at: new Date().toISOString(), entries, ...(listed ? { inputs: listed } : {}), ...(plots ? { plots } : {}) }));
  return Buffer.from(zipSync(files, { level: 0 }));
}

/** The same PNG with one byte of its first chunk flipped, so that chunk's CRC fails. */
export function badCrc(image: Uint8Array) {
  const copy = image.slice();
  copy[20] = copy[20]! ^ 0xff;
  return copy;
}

/** An X/Y plot's record as the studio keeps one: steps across, seeds down (and optionally seeds as Z instead), every cell's request. */
export function plotRecord(id: string, prompt: string, steps: number[], seeds: number[], seedAxis: 'y' | 'z' = 'y') {
  const seedText = seeds.join(', ');
  const cells = seeds.flatMap((seed, i) => steps.map((s, x) => ({ x, y: seedAxis === 'y' ? i : 0, z: seedAxis === 'z' ? i : 0, k: 0, request: { prompt, num_inference_steps: s, seed, response_format: 'png', endpoint: 'local-engine' }, basePrompt: prompt, styles: [] })));
  const seedAxisDef = { kind: 'seed', text: seedText };
  const seedPlotted = { kind: 'seed', values: seeds };
  return {
    id, createdAt: 1_700_000_000_000, prompt, fixed: 'Format: png, Model: local-engine', cells,
    definition: { x: { kind: 'steps', text: steps.join(', ') }, y: seedAxis === 'y' ? seedAxisDef : null, z: seedAxis === 'z' ? seedAxisDef : null, perCell: 1 },
    axes: { x: { kind: 'steps', values: steps }, y: seedAxis === 'y' ? seedPlotted : null, z: seedAxis === 'z' ? seedPlotted : null },
  };
}
