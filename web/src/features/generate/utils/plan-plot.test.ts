import { describe, expect, it } from 'vitest';
import { planPlot as plan, type PlotBase, type PlotDefinition } from './plan-plot';
import type { AxisContext } from '@/lib/plot-values';
import { BUILT_IN_STYLES } from './styles';

const ctx: AxisContext = {
  prompt: 'a red fox',
  steps: { min: 1, max: 10 },
  guidanceRange: { min: 0, max: 20 },
  endpoints: [{ id: 'local-engine', name: 'Local' }],
  adapters: ['watercolor'],
  styles: BUILT_IN_STYLES.map((s) => s.name),
  randomSeed: () => 5,
};
const base: PlotBase = { prompt: 'a red fox', seed: 42, num_inference_steps: 4, response_format: 'png', endpoint: 'local-engine', styles: [], allStyles: BUILT_IN_STYLES };
const meta = { id: 'plot-1', now: 1, fixed: '4 steps · png' };
const planPlot = (d: PlotDefinition, b: PlotBase, c: AxisContext) => plan(d, b, c, meta);
const def = (over: Partial<PlotDefinition>): PlotDefinition => ({ x: { kind: 'steps', text: '1, 4' }, y: null, z: null, perCell: 1, ...over });

describe('planPlot', () => {
  it('makes one cell per X × Y value, rows of X, every other parameter from the form', () => {
    const plan = planPlot(def({ y: { kind: 'seed', text: '7, 8, 9' } }), base, ctx);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.summary).toBe('2 × 3 = 6 images');
    expect(plan.toRun.map((c) => [c.x, c.y, c.request.num_inference_steps, c.request.seed])).toEqual([
      [0, 0, 1, 7], [1, 0, 4, 7], [0, 1, 1, 8], [1, 1, 4, 8], [0, 2, 1, 9], [1, 2, 4, 9],
    ]);
    expect(plan.toRun[0]!.request).toMatchObject({ prompt: 'a red fox', response_format: 'png', endpoint: 'local-engine' });
  });

  it('holds the form\'s seed across cells, and fills a cell\'s stack with consecutive seeds', () => {
    const plan = planPlot(def({ perCell: 3 }), base, ctx);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.summary).toBe('2 × 3 per cell = 6 images');
    expect(plan.toRun.filter((c) => c.x === 1).map((c) => [c.k, c.request.seed])).toEqual([[0, 42], [1, 43], [2, 44]]);
  });

  it('Prompt S/R replaces the first value in every cell; the first column is the prompt as written', () => {
    const plan = planPlot(def({ x: { kind: 'prompt-sr', text: 'red, blue' }, y: { kind: 'guidance', text: '0-10 [3]' } }), base, ctx);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.toRun.map((c) => `${c.request.prompt} @${c.request.guidance_scale}`)).toEqual(['a red fox @0', 'a blue fox @0', 'a red fox @5', 'a blue fox @5', 'a red fox @10', 'a blue fox @10']);
  });

  it('Style and Adapter axes: None means none', () => {
    const plan = planPlot(def({ x: { kind: 'style', text: 'None, Watercolor' }, y: { kind: 'adapter', text: 'None, watercolor' } }), { ...base, adapter: 'watercolor', styles: [BUILT_IN_STYLES[0]!] }, ctx);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.toRun.map((c) => [c.request.prompt, c.request.adapter ?? null])).toEqual([
      ['a red fox', null], ['a red fox, watercolor painting, soft edges, paper texture', null],
      ['a red fox', 'watercolor'], ['a red fox, watercolor painting, soft edges, paper texture', 'watercolor'],
    ]);
  });

  it('a Z axis multiplies the grids; switched-off values are not run', () => {
    const plan = planPlot(def({ y: { kind: 'seed', text: '1, 2', off: [0] }, z: { kind: 'guidance', text: '1, 2' } }), base, ctx);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.summary).toBe('2 × 1 × 2 = 4 images');
    expect(plan.toRun.map((c) => [c.z, c.y])).toEqual([[0, 1], [0, 1], [1, 1], [1, 1]]);
    // Planned all the same, so switching the value on again needs no new plan.
    expect(plan.record.cells).toHaveLength(8);
    expect(plan.record).toMatchObject({ id: 'plot-1', prompt: 'a red fox', axes: { y: { kind: 'seed', values: [1, 2] } } });
    expect(planPlot(def({ x: { kind: 'steps', text: '1', off: [0] } }), base, ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/nothing to run/) });
  });

  it('refuses more than 100 images, a bad value, and the same setting on two axes, before anything runs', () => {
    expect(planPlot(def({ x: { kind: 'seed', text: '1-11' }, y: { kind: 'steps', text: '1-10' } }), base, ctx)).toEqual({ ok: false, error: '11 × 10 = 110 images: a plot makes at most 100. Use fewer values or fewer images per cell.' });
    expect(planPlot(def({ y: { kind: 'steps', text: '12' } }), base, ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/^Y values: Steps 12 is outside/) });
    expect(planPlot(def({ y: { kind: 'steps', text: '2' } }), base, ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/same setting/) });
  });

  it('refuses to plan more than 4000 cells, even when most of them are switched off', () => {
    const off = Array.from({ length: 99 }, (_, i) => i + 1);
    const huge = def({ x: { kind: 'seed', text: '1-100', off }, y: { kind: 'steps', text: '1-10 [100]', off }, z: { kind: 'guidance', text: '0-20 [100]', off } });
    expect(planPlot(huge, base, ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/name 1000000 cells/) });
  });
});
