import { describe, expect, it } from 'vitest';
import type { Job } from '@/features/generate/stores/queue-store';
import { estimateMs, formatEstimate } from './plot-estimate';

let n = 0;
const job = (endpoint: string, ms: number, status: Job['status'] = 'done'): Job => {
  n += 1;
  return { id: String(n), status, submittedAt: n, startedAt: n * 10_000, finishedAt: n * 10_000 + ms, request: { prompt: 'p', num_inference_steps: 4, response_format: 'png', endpoint }, basePrompt: 'p', styles: [] };
};

describe('estimateMs', () => {
  it('is the median of this endpoint’s finished jobs × images ÷ concurrency', () => {
    const jobs = [job('local-engine', 1000), job('local-engine', 3000), job('local-engine', 2000), job('other', 60_000), job('local-engine', 90_000, 'failed')];
    expect(estimateMs(jobs, 'local-engine', 20, 2)).toBe(20_000);
  });

  it('says nothing without a timing for this endpoint', () => {
    expect(estimateMs([job('other', 1000)], 'local-engine', 4, 1)).toBeNull();
    expect(estimateMs([], 'local-engine', 4, 1)).toBeNull();
  });

  it('reads as a person would say it', () => {
    expect(formatEstimate(12_400)).toBe('about 12 s');
    expect(formatEstimate(180_000)).toBe('about 3 min');
  });
});
