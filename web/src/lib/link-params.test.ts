import { describe, expect, it } from 'vitest';
import { buildLink, readLink } from './link-params';

describe('links', () => {
  it('round-trip every parameter, unicode and reserved characters included', () => {
    const params = { prompt: 'a café & a "lamp" = 100% 🌙?', num_inference_steps: 7, seed: 4294967295, response_format: 'jpeg' as const };
    const link = buildLink(params, 'http://127.0.0.1:8787');
    expect(link.startsWith('http://127.0.0.1:8787/?prompt=')).toBe(true);
    expect(readLink(new URL(link).search)).toEqual(params);
    // Links keep their short names, so links shared before the rename read the same.
    expect(new URL(link).searchParams.get('steps')).toBe('7');
    expect(new URL(link).searchParams.get('format')).toBe('jpeg');
  });

  it('read the API names too', () => {
    expect(readLink('?prompt=p&num_inference_steps=3&response_format=png&seed=2')).toEqual({ prompt: 'p', num_inference_steps: 3, seed: 2, response_format: 'png' });
  });

  it('keep only valid fields, and carry nothing without a prompt', () => {
    expect(readLink('?prompt=p&steps=abc&seed=-4&format=gif')).toEqual({ prompt: 'p' });
    expect(readLink('?prompt=p&steps=2.5&seed=1.5')).toEqual({ prompt: 'p' });
    expect(readLink('?steps=4')).toBeUndefined();
    expect(readLink('?prompt=%20')).toBeUndefined();
    expect(readLink('')).toBeUndefined();
  });
});
