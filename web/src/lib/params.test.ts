// The one pair where an entry becomes a request and back, and what an untrusted source may set.
import { describe, expect, it } from 'vitest';
import { fromEntry, toRequest, type GalleryEntry } from './params';
import { pickParams } from './schema';

const entry: GalleryEntry = {
  id: 'a', prompt: 'a fox, watercolor', basePrompt: 'a fox', styles: ['Watercolor'], num_inference_steps: 6, seed: 9, response_format: 'jpeg',
  engine: 'local', endpoint: null, createdAt: 1, elapsedMs: 2, mime: 'image/jpeg', width: 8, height: 8, bytes: 3, starred: true,
};

describe('params', () => {
  it('toRequest sends exactly the parameters that made the entry', () => {
    expect(toRequest(entry)).toEqual({ prompt: 'a fox, watercolor', num_inference_steps: 6, seed: 9, response_format: 'jpeg' });
  });

  it('fromEntry gives the form those parameters, with the prompt as typed and its styles', () => {
    expect(fromEntry(entry)).toEqual({ prompt: 'a fox, watercolor', num_inference_steps: 6, seed: 9, response_format: 'jpeg', adapter: null, guidance_scale: null, basePrompt: 'a fox', styles: ['Watercolor'] });
  });

  it('an edit goes back as the same edit: endpoint, adapter, guidance and its source by hash', () => {
    const source = { hash: 'a'.repeat(64), mime: 'image/png' as const, width: 8, height: 8, entryId: 'parent' };
    const edit: GalleryEntry = { ...entry, prompt: 'make the sky violet', endpoint: 'ep-1', adapter: 'watercolor', guidance_scale: 3.5, source };
    expect(toRequest(edit)).toEqual({ prompt: 'make the sky violet', num_inference_steps: 6, seed: 9, response_format: 'jpeg', endpoint: 'ep-1', adapter: 'watercolor', guidance_scale: 3.5, source });
    expect(fromEntry(edit)).toMatchObject({ endpoint: 'ep-1', adapter: 'watercolor', guidance_scale: 3.5, source });
    const controls = [{ image: source, weight: 0.5 }];
    expect(toRequest({ ...entry, controls })).toMatchObject({ controls });
    expect(toRequest({ ...entry, controls: [] })).not.toHaveProperty('controls');
  });

  it('pickParams keeps an endpoint, adapter and guidance that could be real, and nothing else', () => {
    expect(pickParams({ prompt: 'p', endpoint: 'ep-1', adapter: 'watercolor', guidance_scale: '7.5' })).toEqual({ prompt: 'p', endpoint: 'ep-1', adapter: 'watercolor', guidance_scale: 7.5 });
    expect(pickParams({ prompt: 'p', endpoint: '<script>', adapter: '', guidance_scale: 'NaN' })).toEqual({ prompt: 'p' });
    expect(pickParams({ prompt: 'p', guidance_scale: -1 })).toEqual({ prompt: 'p' });
  });

  it('pickParams reads the API names and the short ones, the API names first', () => {
    expect(pickParams({ prompt: 'p', steps: '4', format: 'png', seed: '2' })).toEqual({ prompt: 'p', num_inference_steps: 4, seed: 2, response_format: 'png' });
    expect(pickParams({ prompt: 'p', num_inference_steps: 5, steps: 4, response_format: 'url', format: 'png' })).toEqual({ prompt: 'p', num_inference_steps: 5, response_format: 'url' });
    expect(pickParams({ prompt: ' ', num_inference_steps: 51, seed: -1, response_format: 'gif' })).toEqual({});
    // guidance_scale's earlier name, from links and files made before the rename.
    expect(pickParams({ prompt: 'p', guidance: '4.5' })).toEqual({ prompt: 'p', guidance_scale: 4.5 });
    expect(pickParams({ prompt: 'p', guidance_scale: 2, guidance: 4.5 })).toEqual({ prompt: 'p', guidance_scale: 2 });
  });

  it('makes every request one way: what is not set is not sent, and an edit carries no control images', () => {
    const image = { hash: 'c'.repeat(64), mime: 'image/png' as const, width: 8, height: 8 };
    const request = toRequest({ prompt: 'p', num_inference_steps: 4, response_format: 'png', seed: null, endpoint: null, adapter: null, guidance_scale: null, source: null, controls: [] });
    expect(request).toStrictEqual({ prompt: 'p', num_inference_steps: 4, response_format: 'png' });
    expect(toRequest({ prompt: 'p', num_inference_steps: 4, response_format: 'png', guidance_scale: 0, source: image, controls: [{ image, weight: 1 }] })).toStrictEqual({ prompt: 'p', num_inference_steps: 4, response_format: 'png', guidance_scale: 0, source: image });
  });
});
