// A small valid plot record (Steps × Seed, 2 × 2) for the gallery's unit tests.
import type { PlotRecord } from '@/lib/plot';

export function plotRecord(over: Partial<PlotRecord> = {}): PlotRecord {
  const steps = [2, 4];
  const seeds = [11, 12];
  return {
    id: 'plot-1',
    createdAt: 1_700_000_000_000,
    definition: { x: { kind: 'steps', text: '2, 4' }, y: { kind: 'seed', text: '11, 12' }, z: null, perCell: 1 },
    axes: { x: { kind: 'steps', values: steps }, y: { kind: 'seed', values: seeds }, z: null },
    prompt: 'a red barn, 🌾',
    fixed: 'Format: png, Model: local-engine',
    cells: seeds.flatMap((seed, y) => steps.map((s, x) => ({ x, y, z: 0, k: 0, request: { prompt: 'a red barn, 🌾', num_inference_steps: s, seed, response_format: 'png' as const, endpoint: 'local-engine' }, basePrompt: 'a red barn, 🌾', styles: [] }))),
    ...over,
  };
}
