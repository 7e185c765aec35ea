// The one entry schema: today's records, and records from earlier versions (`steps`, `format`).
import { describe, expect, it } from 'vitest';
import { parseEntry } from './schema';

const record = { id: 'a', prompt: 'a red barn', seed: 9, engine: 'local', endpoint: null, createdAt: 1, elapsedMs: 2, mime: 'image/png', width: 8, height: 8, bytes: 3 };

describe('entry schema', () => {
  it('reads a record under the API names', () => {
    expect(parseEntry({ ...record, num_inference_steps: 4, response_format: 'png' })).toEqual({ ...record, num_inference_steps: 4, response_format: 'png' });
  });

  it('reads an earlier version’s record (steps, format) under the API names, nothing lost', () => {
    expect(parseEntry({ ...record, steps: 4, format: 'jpeg', starred: true })).toEqual({ ...record, num_inference_steps: 4, response_format: 'jpeg', starred: true });
  });

  it('still refuses a record with a bad or missing value under either name', () => {
    expect(parseEntry({ ...record, steps: 0, format: 'png' })).toBeUndefined();
    expect(parseEntry({ ...record, steps: 4, format: 'gif' })).toBeUndefined();
    expect(parseEntry({ ...record, response_format: 'png' })).toBeUndefined();
    expect(parseEntry(null)).toBeUndefined();
  });
});
