// The one pair where an entry becomes a request and back, and what an untrusted source may set.
import { describe, expect, it } from 'vitest';
import { fromEntry, pickParams, toRequest, type GalleryEntry } from './params';

const entry: GalleryEntry = {
  id: 'a', prompt: 'a fox, watercolor', basePrompt: 'a fox', styles: ['Watercolor'], num_inference_steps: 6, seed: 9, response_format: 'jpeg',
  engine: 'local', endpoint: null, createdAt: 1, elapsedMs: 2, mime: 'image/jpeg', width: 8, height: 8, bytes: 3, starred: true,
};

describe('params', () => {
  it('toRequest sends exactly the parameters that made the entry', () => {
    expect(toRequest(entry)).toEqual({ prompt: 'a fox, watercolor', num_inference_steps: 6, seed: 9, response_format: 'jpeg' });
  });

  it('fromEntry gives the form those parameters, with the prompt as typed and its styles', () => {
    expect(fromEntry(entry)).toEqual({ prompt: 'a fox, watercolor', num_inference_steps: 6, seed: 9, response_format: 'jpeg', basePrompt: 'a fox', styles: ['Watercolor'] });
  });

  it('pickParams reads the API names and the short ones, the API names first', () => {
    expect(pickParams({ prompt: 'p', steps: '4', format: 'png', seed: '2' })).toEqual({ prompt: 'p', num_inference_steps: 4, seed: 2, response_format: 'png' });
    expect(pickParams({ prompt: 'p', num_inference_steps: 5, steps: 4, response_format: 'url', format: 'png' })).toEqual({ prompt: 'p', num_inference_steps: 5, response_format: 'url' });
    expect(pickParams({ prompt: ' ', num_inference_steps: 51, seed: -1, response_format: 'gif' })).toEqual({});
  });
});
