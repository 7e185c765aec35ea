import { describe, expect, it } from 'vitest';
import { guidanceValues, planJobs, type PlanInput } from './plan-jobs';
import { withStyles } from './styles';

const base: PlanInput = { mode: 'single', prompt: 'a fox', promptB: 'a wolf', num_inference_steps: 4, range: { min: 1, max: 10, default: 4 }, seed: null, locked: false, count: 1, response_format: 'png', styles: [] };
let n = 100;
const random = () => n++;

describe('planJobs', () => {
  it('makes one job with the typed seed, or none for the upstream to pick', () => {
    expect(planJobs({ ...base, seed: 7 }, random).map((j) => j.request)).toEqual([{ prompt: 'a fox', num_inference_steps: 4, response_format: 'png', seed: 7 }]);
    const [job] = planJobs(base, random);
    expect(job!.request).not.toHaveProperty('seed');
    expect(job!.group).toBeUndefined();
  });

  it('batches with a locked seed as seed, seed+1, …, in one group', () => {
    const jobs = planJobs({ ...base, count: 4, seed: 4294967294, locked: true }, random);
    expect(jobs.map((j) => j.request.seed)).toEqual([4294967294, 4294967295, 0, 1]);
    expect(new Set(jobs.map((j) => j.group!.id)).size).toBe(1);
    expect(jobs[0]!.group).toMatchObject({ kind: 'batch', size: 4, index: 0 });
    expect(planJobs({ ...base, count: 3 }, random).every((j) => !('seed' in j.request))).toBe(true);
  });

  it('uses a typed seed for the next run with the lock off too, as the seed hint says', () => {
    expect(planJobs({ ...base, count: 3, seed: 20 }, random).map((j) => j.request.seed)).toEqual([20, 21, 22]);
    expect(planJobs({ ...base, mode: 'seeds', count: 2, seed: 20 }, random).map((j) => j.request.seed)).toEqual([20, 21]);
  });

  it('sweeps steps across the whole range with one seed', () => {
    const jobs = planJobs({ ...base, mode: 'steps', range: { min: 2, max: 5, default: 4 } }, random);
    expect(jobs.map((j) => j.request.num_inference_steps)).toEqual([2, 3, 4, 5]);
    expect(new Set(jobs.map((j) => j.request.seed)).size).toBe(1);
    expect(jobs[0]!.group!.label).toMatch(/^Steps sweep 2–5 · seed \d+$/);
  });

  it('sweeps seeds, and runs prompt A/B on one seed', () => {
    const seeds = planJobs({ ...base, mode: 'seeds', count: 3 }, random).map((j) => j.request.seed);
    expect(new Set(seeds).size).toBe(3);
    const ab = planJobs({ ...base, mode: 'ab', seed: 9 }, random);
    expect(ab.map((j) => [j.request.prompt, j.request.seed])).toEqual([['a fox', 9], ['a wolf', 9]]);
  });

  it('sends the prompt with the chosen styles and records them', () => {
    const styles = [{ name: 'Watercolor', fragment: 'watercolor painting, soft edges' }];
    expect(withStyles('  a fox ', styles)).toBe('a fox, watercolor painting, soft edges');
    const [job] = planJobs({ ...base, styles }, random);
    expect(job).toMatchObject({ basePrompt: 'a fox', styles: ['Watercolor'], request: { prompt: 'a fox, watercolor painting, soft edges' } });
  });

  it('sweeps guidance at evenly spaced values across the endpoint\'s range, one seed for all', () => {
    const jobs = planJobs({ ...base, mode: 'guidance', count: 5, seed: 3, guidanceRange: { min: 0, max: 20, default: 7.5 } }, random);
    expect(jobs.map((j) => j.request.guidance_scale)).toEqual([0, 5, 10, 15, 20]);
    expect(new Set(jobs.map((j) => j.request.seed))).toEqual(new Set([3]));
    expect(jobs[0]!.group).toMatchObject({ kind: 'guidance', size: 5, label: 'Guidance sweep 0–20 · seed 3 · 4 steps' });
    expect(guidanceValues({ min: 1, max: 2, default: 1 }, 4)).toEqual([1, 1.33, 1.67, 2]);
    expect(guidanceValues({ min: 1, max: 2, default: 1 }, 1)).toEqual([1, 2]);
  });

  it('sends every job to the chosen endpoint and adapter, with its guidance and inputs', () => {
    const image = { hash: 'd'.repeat(64), mime: 'image/png' as const, width: 8, height: 8 };
    const controls = [{ image, weight: 0.25 }];
    const [plain] = planJobs({ ...base, endpoint: 'ep-2', adapter: 'watercolor', guidance_scale: 2, controls }, random);
    expect(plain!.request).toMatchObject({ endpoint: 'ep-2', adapter: 'watercolor', guidance_scale: 2, controls });
    const [edit] = planJobs({ ...base, source: image, controls }, random);
    expect(edit!.request.source).toEqual(image);
    expect(edit!.request).not.toHaveProperty('controls');
    const [none] = planJobs({ ...base, adapter: null, guidance_scale: null, controls: [] }, random);
    expect(Object.keys(none!.request).sort()).toEqual(['num_inference_steps', 'prompt', 'response_format']);
  });
});
