import { describe, expect, it } from 'vitest';
import type { EndpointInfo } from '@server/contract';
import { resolveForm, type FormChoices } from './resolve-form';

const a: EndpointInfo = { id: 'a', name: 'A', adapters: ['ink'], steps: { min: 1, max: 10, default: 4 }, guidance_range: { min: 0, max: 20, default: 7.5 }, edit: true, control_images: 2, kind: 'dedicated', formats: ['url', 'raw', 'png', 'jpeg', 'jpg'], default_format: 'url' };
const b: EndpointInfo = { id: 'b', name: 'B', adapters: [], steps: { min: 1, max: 50, default: 20 }, guidance_range: false, edit: false, control_images: 0, kind: 'container', formats: ['raw', 'jpeg'], default_format: 'jpeg' };
const image = { hash: 'e'.repeat(64), mime: 'image/png' as const, width: 8, height: 8 };
const choices: FormChoices = { endpoint: null, adapter: null, num_inference_steps: null, guidance_scale: null, modelDefaultGuidance: true, source: null, controls: [] };

describe('resolveForm', () => {
  it('starts from the first endpoint and its defaults, guidance not sent', () => {
    expect(resolveForm(choices, [a, b])).toMatchObject({ endpoint: a, adapter: null, num_inference_steps: 4, guidance_scale: null, guidanceRange: a.guidance_range });
    // A value chosen earlier is kept, not sent, while the model's default is asked for.
    expect(resolveForm({ ...choices, guidance_scale: 3 }, [a]).guidance_scale).toBeNull();
  });

  it('sends guidance once the default is unticked, clamped to the range', () => {
    expect(resolveForm({ ...choices, guidance_scale: 30, modelDefaultGuidance: false }, [a]).guidance_scale).toBe(20);
    expect(resolveForm({ ...choices, modelDefaultGuidance: false }, [a]).guidance_scale).toBe(7.5);
  });

  it('drops what the chosen endpoint cannot take: adapter, guidance, source, extra control images', () => {
    const full = { ...choices, endpoint: 'b', adapter: 'ink', num_inference_steps: 40, guidance_scale: 3, modelDefaultGuidance: false, source: image, controls: [{ image, weight: 1 }] };
    expect(resolveForm(full, [a, b])).toMatchObject({ endpoint: b, adapter: null, num_inference_steps: 40, guidance_scale: null, guidanceRange: false, source: null, controls: [] });
    const three = Array.from({ length: 3 }, () => ({ image, weight: 1 }));
    expect(resolveForm({ ...full, endpoint: 'a', controls: three }, [a, b])).toMatchObject({ adapter: 'ink', num_inference_steps: 10, guidance_scale: 3, source: image, controls: three.slice(0, 2) });
  });

  it('falls back to the first endpoint when the chosen one is gone', () => {
    expect(resolveForm({ ...choices, endpoint: 'gone' }, [b, a]).endpoint).toBe(b);
  });
});
