import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GalleryEntry } from '@/lib/params';
import { chainOf, childrenOf, depthOf, depthsOf, indexLineage, parentOf } from './lineage';

const HASH = 'a'.repeat(64);
const entry = (id: string, parent?: string | null): GalleryEntry => ({
  id, prompt: `prompt ${id}`, num_inference_steps: 4, seed: 1, response_format: 'png', engine: 'local', endpoint: null, createdAt: 0, elapsedMs: 1, mime: 'image/png', width: 8, height: 8, bytes: 1,
  // undefined: no source; null: a source from a file; a string: the parent's id.
  ...(parent === undefined ? {} : { source: { hash: HASH, mime: 'image/png' as const, width: 8, height: 8, ...(parent ? { entryId: parent } : {}) } }),
});
const ids = (list: readonly GalleryEntry[]) => list.map((e) => e.id);

describe('lineage', () => {
  // root ─┬─ a ── aa
  //       └─ b
  const tree = [entry('aa', 'a'), entry('b', 'root'), entry('a', 'root'), entry('root')];
  const index = indexLineage(tree);
  const get = (id: string) => index.byId.get(id)!;

  it('finds the parent, the chain from the first image, the branches and the depth', () => {
    expect(parentOf(index, get('aa'))?.id).toBe('a');
    expect(parentOf(index, get('root'))).toBeUndefined();
    expect(ids(chainOf(index, get('aa')))).toEqual(['root', 'a', 'aa']);
    expect(ids(chainOf(index, get('root')))).toEqual(['root']);
    // Editing the same parent twice: both branches stay, newest first as the list has them.
    expect(ids(childrenOf(index, 'root'))).toEqual(['b', 'a']);
    expect(ids(childrenOf(index, 'aa'))).toEqual([]);
    expect([depthOf(index, get('root')), depthOf(index, get('a')), depthOf(index, get('aa'))]).toEqual([0, 1, 2]);
  });

  it('starts the chain at an edit whose parent is gone (deleted) or was a file, and still counts it as an edit', () => {
    const list = [entry('child', 'orphan'), entry('orphan', 'deleted'), entry('fromFile', null)];
    const i = indexLineage(list);
    expect(parentOf(i, i.byId.get('orphan')!)).toBeUndefined();
    expect(ids(chainOf(i, i.byId.get('child')!))).toEqual(['orphan', 'child']);
    expect(depthOf(i, i.byId.get('child')!)).toBe(2);
    expect(depthOf(i, i.byId.get('fromFile')!)).toBe(1);
  });

  it('ends at a cycle (damaged or crafted records) instead of looping, and an entry is never its own parent', () => {
    const list = [entry('x', 'y'), entry('y', 'x'), entry('self', 'self')];
    const i = indexLineage(list);
    expect(ids(chainOf(i, i.byId.get('x')!))).toEqual(['y', 'x']);
    expect(parentOf(i, i.byId.get('self')!)).toBeUndefined();
    expect(ids(childrenOf(i, 'self'))).toEqual([]);
    expect(depthOf(i, i.byId.get('self')!)).toBe(1);
  });

  it('walks a chain of 100,000 edits without overflowing the stack', () => {
    const n = 100_000;
    const list = Array.from({ length: n }, (_, k) => entry(String(k), k === 0 ? undefined : String(k - 1)));
    const i = indexLineage(list);
    expect(chainOf(i, list[n - 1]!)).toHaveLength(n);
    expect(depthsOf(list).get(String(n - 1))).toBe(n - 1);
  });

  it('depthsOf, computed once for the whole list, agrees with depthOf for every entry, whatever the graph', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }), { nil: undefined }), { maxLength: 12 }), (parents) => {
        // Each entry k: no source, a source from a file, or a parent id (possibly absent, itself, or a cycle).
        const list = parents.map((p, k) => entry(String(k), p === undefined ? undefined : p === null ? null : String(p)));
        const i = indexLineage(list);
        const depths = depthsOf(list);
        for (const e of list) expect(depths.get(e.id) ?? 0).toBe(depthOf(i, e));
      }),
    );
  });
});
