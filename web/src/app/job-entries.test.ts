// The job-to-entry mapping: every field of each entry, from the answer and the job.
import { describe, expect, it } from 'vitest';
import type { GenerateResponse } from '@server/contract';
import type { Job } from '@/features/generate/stores/queue-store';
import { entriesOf } from './job-entries';

const image = (id: string, seed: number) => ({ id, url: `/api/images/${id}`, seed, num_inference_steps: 6, response_format: 'png' as const, endpoint: 'ep-1', adapter: null, guidance_scale: null, mime: 'image/png' as const, bytes: 3, width: 8, height: 8 });
const response: GenerateResponse = { engine: 'local', elapsed_ms: 42, images: [image('a', 7), image('b', 8)] };
const job: Job = {
  id: 'job', status: 'running', submittedAt: 0,
  request: { prompt: 'a fox, watercolor', num_inference_steps: 6, response_format: 'png' },
  basePrompt: 'a fox', styles: ['Watercolor'],
  group: { id: 'g', kind: 'batch', label: 'Batch ×2', index: 0, size: 2 },
};

describe('entriesOf', () => {
  it('makes one entry per image, with the parameters the server answered', () => {
    const common = { prompt: 'a fox, watercolor', basePrompt: 'a fox', styles: ['Watercolor'], group: job.group, num_inference_steps: 6, response_format: 'png', engine: 'local', endpoint: 'ep-1', adapter: null, guidance_scale: null, createdAt: 1000, elapsedMs: 42, mime: 'image/png', width: 8, height: 8, bytes: 3 };
    expect(entriesOf(job, response, 1000)).toEqual([{ id: 'a', seed: 7, ...common }, { id: 'b', seed: 8, ...common }]);
  });

  it('takes the seed the server picked when none was asked for, and leaves out a missing group', () => {
    const { group: _, ...single } = job;
    const [entry] = entriesOf(single, { ...response, images: [image('c', 123)] }, 5);
    expect(entry).toMatchObject({ id: 'c', seed: 123, endpoint: 'ep-1' });
    expect(entry).not.toHaveProperty('group');
    expect(entry).not.toHaveProperty('source');
  });

  it('records the endpoint, adapter and guidance the server answered, and the job\'s inputs by hash', () => {
    const source = { hash: 'c'.repeat(64), mime: 'image/png' as const, width: 8, height: 8, entryId: 'parent' };
    const edit: Job = { ...job, request: { ...job.request, source } };
    const answered = { ...response, images: [{ ...image('d', 1), endpoint: 'ep-2', adapter: 'watercolor', guidance_scale: 4 }] };
    expect(entriesOf(edit, answered, 1)[0]).toMatchObject({ endpoint: 'ep-2', adapter: 'watercolor', guidance_scale: 4, source });
    const controls = [{ image: source, weight: 0 }];
    expect(entriesOf({ ...job, request: { ...job.request, controls } }, answered, 1)[0]).toMatchObject({ controls });
  });
});
