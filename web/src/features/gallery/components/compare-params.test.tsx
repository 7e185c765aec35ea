// Compare's parameters: what an edit changed (endpoint, adapter, guidance, source, parent) is
// highlighted against the reference, rendered to markup (no DOM needed).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { GalleryEntry } from '@/lib/params';
import { Params } from './compare-params';

const base: GalleryEntry = {
  id: 'p', prompt: 'a lighthouse', num_inference_steps: 4, seed: 1, response_format: 'png', engine: 'local', endpoint: 'local-engine', createdAt: 0, elapsedMs: 1, mime: 'image/png', width: 8, height: 8, bytes: 1,
};
const edit: GalleryEntry = {
  ...base, id: 'e', prompt: 'make the sky violet', endpoint: 'other', adapter: 'watercolor', guidance_scale: 9,
  source: { hash: 'ab'.repeat(32), mime: 'image/png', width: 8, height: 8, entryId: 'p' },
};
const describeParent = (id: string) => (id === 'p' ? '“a lighthouse”' : 'not in the gallery');

/** The fields shown, each with whether it is highlighted as differing. */
function fields(entry: GalleryEntry, reference: GalleryEntry) {
  const html = renderToStaticMarkup(<Params entry={entry} reference={reference} describe={describeParent} />);
  return Object.fromEntries([...html.matchAll(/<p( class="([^"]*)")?>([A-Z][a-z]+): ([^<]*)<\/p>/g)].map((m) => [m[3], { value: m[4], highlighted: (m[2] ?? '').includes('amber') }]));
}

describe('Compare parameters', () => {
  it('highlights the endpoint, adapter, guidance, source and parent an edit changed', () => {
    const f = fields(edit, base);
    expect(f.Endpoint).toEqual({ value: 'other', highlighted: true });
    expect(f.Adapter).toEqual({ value: 'watercolor', highlighted: true });
    expect(f.Guidance).toEqual({ value: '9', highlighted: true });
    expect(f.Source).toEqual({ value: `${'ab'.repeat(6)}… (8×8)`, highlighted: true });
    expect(f.Parent).toEqual({ value: '“a lighthouse”', highlighted: true });
    expect(f.Steps).toEqual({ value: '4', highlighted: false });
  });

  it('shows the reference plainly, and what did not change unhighlighted', () => {
    const f = fields(base, base);
    expect(f.Adapter).toEqual({ value: 'none', highlighted: false });
    expect(f.Guidance).toEqual({ value: 'model default', highlighted: false });
    expect(f.Source).toEqual({ value: 'none', highlighted: false });
    expect(f.Parent).toEqual({ value: 'none', highlighted: false });
    const sibling = fields({ ...edit, id: 'f', source: { ...edit.source!, entryId: 'gone' } }, edit);
    expect(sibling.Parent).toEqual({ value: 'not in the gallery', highlighted: true });
    expect(sibling.Source.highlighted).toBe(false);
  });
});
