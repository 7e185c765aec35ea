import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GalleryEntry } from '@/lib/params';
import { filterEntries } from './filter';
import { buildRows } from './rows';

const entry = (id: string, over: Partial<GalleryEntry> = {}): GalleryEntry => ({
  id, prompt: `prompt ${id}`, num_inference_steps: 4, seed: 1, response_format: 'png', engine: 'local', endpoint: null, createdAt: 0, elapsedMs: 1, mime: 'image/png', width: 8, height: 8, bytes: 1, ...over,
});
const group = (id: string, index: number, size = 3) => ({ group: { id, kind: 'steps' as const, label: `sweep ${id}`, index, size } });

describe('buildRows', () => {
  it('keeps a group together under its header, in planned order, among single images', () => {
    const entries = [entry('a'), entry('g2', group('G', 2)), entry('b'), entry('g0', group('G', 0)), entry('g1', group('G', 1)), entry('c')];
    const rows = buildRows(entries, 2);
    expect(rows.map((r) => (r.kind === 'header' ? `[${r.label}]` : r.entries.map((e) => e.id).join(',')))).toEqual(['a', '[sweep G]', 'g0,g1', 'g2', 'b,c']);
  });
});

describe('filterEntries', () => {
  it('finds every word of the query in the prompt, and keeps favourites when asked', () => {
    const entries = [entry('1', { prompt: 'A red Fox in snow' }), entry('2', { prompt: 'a red barn', starred: true }), entry('3', { prompt: 'fox den' })];
    expect(filterEntries(entries, { query: 'fox RED', favouritesOnly: false }).map((e) => e.id)).toEqual(['1']);
    expect(filterEntries(entries, { query: 'red', favouritesOnly: true }).map((e) => e.id)).toEqual(['2']);
    expect(filterEntries(entries, { query: '  ', favouritesOnly: false })).toBe(entries);
  });
});

describe('filterEntries while typing', () => {
  // The reference: the plain definition, with no cache and no narrowing.
  const naive = (entries: GalleryEntry[], query: string, favouritesOnly: boolean) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return entries.filter((e) => (!favouritesOnly || e.starred) && words.every((w) => e.prompt.toLowerCase().includes(w)));
  };

  it('gives, at every keystroke, edit and change of list, what a search from scratch gives', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'c', ' ', 'É', 'é'), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ prompt: text, starred: fc.boolean() }), { maxLength: 25 }),
        fc.array(fc.record({ query: text, favouritesOnly: fc.boolean(), replaceList: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        (prompts, steps) => {
          let entries = prompts.map((p, i) => entry(String(i), p));
          for (const step of steps) {
            if (step.replaceList) entries = entries.slice(1);
            // Each query typed a character at a time, then the next one typed over it.
            for (let k = 0; k <= step.query.length; k++) {
              const query = step.query.slice(0, k);
              expect(filterEntries(entries, { query, favouritesOnly: step.favouritesOnly }).map((e) => e.id)).toEqual(naive(entries, query, step.favouritesOnly).map((e) => e.id));
            }
          }
        },
      ),
    );
  });
});
