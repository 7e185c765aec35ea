import { describe, expect, it } from 'vitest';
import { fixedText } from './plot-run';

const base = { prompt: 'a fox', seed: 123, num_inference_steps: 4, response_format: 'png' as const, endpoint: 'local-engine', styles: [], allStyles: [] };

describe('fixedText', () => {
  it('names the parameters every cell shares, leaving out what an axis varies', () => {
    expect(fixedText(base, new Set())).toBe('4 steps · seed 123 · png · local-engine');
    expect(fixedText({ ...base, guidance_scale: 7.5, adapter: 'watercolor' }, new Set(['steps', 'seed'] as const))).toBe('guidance 7.5 · png · local-engine · adapter watercolor');
  });
});
