import { describe, expect, it } from 'vitest';
import { buildLink, linkImagesNote, readLink } from './link-params';

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

  it('carry the endpoint, adapter and guidance, and never an image', () => {
    const source = { hash: 'ab'.repeat(32), mime: 'image/png' as const, width: 8, height: 8, entryId: 'parent' };
    const edit = { prompt: 'make the sky violet', num_inference_steps: 4, seed: 12, response_format: 'png' as const, endpoint: 'local-engine', adapter: 'watercolor', guidance_scale: 7.5, source, controls: [{ image: source, weight: 0.5 }] };
    const link = buildLink(edit, 'http://127.0.0.1:8787');
    expect(readLink(new URL(link).search)).toEqual({ prompt: 'make the sky violet', num_inference_steps: 4, seed: 12, response_format: 'png', endpoint: 'local-engine', adapter: 'watercolor', guidance_scale: 7.5 });
    expect(new URL(link).searchParams.get('guidance_scale')).toBe('7.5');
    expect(link).not.toContain(source.hash);
    expect(link).not.toContain('parent');
    // Not set: not in the link (the model's default guidance is no guidance_scale at all).
    const plain = buildLink({ ...edit, adapter: null, guidance_scale: null, endpoint: null }, 'http://127.0.0.1:8787');
    expect([...new URL(plain).searchParams.keys()]).toEqual(['prompt', 'steps', 'seed', 'format']);
    // Links from before the rename say `guidance`: they keep working.
    expect(readLink('?prompt=p&guidance=0')).toEqual({ prompt: 'p', guidance_scale: 0 });
    expect(readLink('?prompt=p&guidance_scale=2.5')).toEqual({ prompt: 'p', guidance_scale: 2.5 });
    expect(readLink('?prompt=p&guidance=abc&adapter=%3Cscript%3E&endpoint=')).toEqual({ prompt: 'p' });
  });

  it('say, when copied from an entry made from images, that the images are not in them', () => {
    const ref = { hash: 'ab'.repeat(32), mime: 'image/png' as const, width: 8, height: 8 };
    expect(linkImagesNote({})).toBeUndefined();
    expect(linkImagesNote({ source: ref })).toBe('Images are not in links: the source image stays in this browser.');
    expect(linkImagesNote({ controls: [{ image: ref, weight: 1 }] })).toBe('Images are not in links: the control images stay in this browser.');
    expect(linkImagesNote({ source: ref, controls: [{ image: ref, weight: 1 }] })).toBe('Images are not in links: the source and control images stay in this browser.');
  });
});
