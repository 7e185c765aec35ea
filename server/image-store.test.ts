import { describe, expect, it } from 'vitest';
import { IMAGE_ID_PATTERN, createMemoryImageStore } from './image-store';

describe('memory image store', () => {
  it('keeps within its byte bound by evicting the oldest first', async () => {
    const store = createMemoryImageStore({ maxBytes: 250 });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await store.put({ bytes: new Uint8Array(100).fill(i), mime: 'image/png' }));
    expect(store.bytes).toBeLessThanOrEqual(250);
    expect(await store.get(ids[0]!)).toBeUndefined();
    expect(await store.get(ids[2]!)).toBeUndefined();
    expect((await store.get(ids[4]!))?.bytes[0]).toBe(4);
    expect((await store.get(ids[3]!))?.bytes[0]).toBe(3);
  });

  it('gives unguessable path-safe ids and answers nothing for anything else', async () => {
    const store = createMemoryImageStore({ maxBytes: 1000 });
    const id = await store.put({ bytes: new Uint8Array(1), mime: 'image/png' });
    expect(id).toMatch(IMAGE_ID_PATTERN);
    expect(await store.get('../../etc/passwd')).toBeUndefined();
    expect(await store.get(`${id}x`)).toBeUndefined();
  });
});
