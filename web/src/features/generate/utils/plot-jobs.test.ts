import { describe, expect, it } from 'vitest';
import type { PlotRecord } from '@/lib/plot';
import { planPlot } from './plan-plot';
import { plotJobs, plotLabel } from './plot-jobs';
import { BUILT_IN_STYLES } from './styles';

const plan = planPlot(
  { x: { kind: 'steps', text: '1, 2' }, y: { kind: 'seed', text: '5, 6', off: [1] }, z: null, perCell: 1 },
  { prompt: 'a red fox', seed: 42, num_inference_steps: 4, response_format: 'png', endpoint: 'local-engine', styles: [], allStyles: BUILT_IN_STYLES },
  { prompt: 'a red fox', steps: { min: 1, max: 10 }, guidanceRange: false, endpoints: [{ id: 'local-engine', name: 'Local' }], adapters: [], styles: [], randomSeed: () => 1 },
  { id: 'plot-1', now: 1, fixed: '4 steps · png · local-engine' },
);
if (!plan.ok) throw new Error(plan.error);
const record: PlotRecord = plan.record;

describe('plotJobs', () => {
  it('makes one job per cell, carrying its request, its cell and the plot as its group', () => {
    const jobs = plotJobs(record, plan.toRun);
    expect(jobs).toHaveLength(2);
    expect(jobs.map((j) => [j.request.num_inference_steps, j.request.seed, j.cell])).toEqual([
      [1, 5, { x: 0, y: 0, z: 0, k: 0 }],
      [2, 5, { x: 1, y: 0, z: 0, k: 0 }],
    ]);
    expect(jobs[1]!.group).toEqual({ id: 'plot-1', kind: 'plot', label: 'X/Y plot · Steps × Seed', index: 1, size: 4 });
    expect(jobs[0]).toMatchObject({ basePrompt: 'a red fox', styles: [] });
  });

  it('re-runs a single cell (switched off or not) in its place in the plot', () => {
    const last = record.cells.at(-1)!;
    const [job] = plotJobs(record, [last]);
    expect(job!.cell).toEqual({ x: 1, y: 1, z: 0, k: 0 });
    expect(job!.group).toMatchObject({ id: 'plot-1', index: 3, size: 4 });
    expect(job!.request.seed).toBe(6);
  });

  it('names a Z axis in the label', () => {
    expect(plotLabel({ axes: { ...record.axes, z: { kind: 'prompt-sr', values: ['red', 'blue'] } } })).toBe('X/Y plot · Steps × Seed × Prompt S/R');
  });
});
