import { describe, expect, it } from 'vitest';
import type { EndpointInfo } from '@server/contract';
import { DRAFT_DEFAULTS } from '@/features/generate/stores/form-fields';
import { fixedText, planFromForm } from './plot-run';

const base = { prompt: 'a fox', seed: 123, num_inference_steps: 4, response_format: 'png' as const, endpoint: 'local-engine', styles: [], allStyles: [] };

describe('fixedText', () => {
  it('names the parameters every cell shares, leaving out what an axis varies', () => {
    expect(fixedText(base, new Set())).toBe('4 steps · seed 123 · png · local-engine');
    expect(fixedText({ ...base, guidance_scale: 7.5, adapter: 'watercolor' }, new Set(['steps', 'seed'] as const))).toBe('guidance 7.5 · png · local-engine · adapter watercolor');
  });
});

describe('planFromForm across endpoints', () => {
  const shared = { adapters: [], steps: { min: 1, max: 8, default: 3 }, guidance_range: false as const, edit: false, control_images: 0 };
  const endpoints: EndpointInfo[] = [
    { ...shared, id: 'ep-a', name: 'Studio A', kind: 'dedicated', formats: ['url', 'raw', 'png', 'jpeg', 'jpg'], default_format: 'url' },
    { ...shared, id: 'box', name: 'Team box', kind: 'container', formats: ['raw', 'jpeg'], default_format: 'jpeg' },
  ];
  const plan = (response_format: 'png' | 'jpeg') =>
    planFromForm({
      state: { ...DRAFT_DEFAULTS, prompt: 'a fox', seed: 1, plot: { x: { kind: 'endpoint', text: 'ep-a, box' }, y: null, z: null, perCell: 1 } },
      endpoints,
      response_format,
      randomSeed: () => 0,
      id: 'p',
      now: 0,
    });

  it('names an endpoint that does not answer with the format before the plot starts', () => {
    expect(plan('png')).toEqual({ ok: false, error: 'Team box answers with raw or jpeg only, not png: choose one of those formats to plot across it.' });
    const ok = plan('jpeg');
    expect(ok.ok && ok.toRun.map((c) => c.request.endpoint)).toEqual(['ep-a', 'box']);
  });
});
