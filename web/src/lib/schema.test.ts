// The one schema module: a stored draft's choices (input images, control images, names, guidance,
// the plot), and the names of earlier versions translated once.
import { describe, expect, it } from 'vitest';
import { parseDraftChoices, parsePlotDefinition, withApiNames } from './schema';

describe('schema', () => {
  it('keeps only well-formed input image references from a stored draft', () => {
    const ref = { hash: 'b'.repeat(64), mime: 'image/webp', width: 4096, height: 1 };
    const source = (raw: unknown) => parseDraftChoices({ source: raw }).source;
    expect(source(ref)).toEqual(ref);
    expect(source({ ...ref, hash: 'B'.repeat(64) })).toBeNull();
    expect(source({ ...ref, width: 4097 })).toBeNull();
    expect(source({ ...ref, mime: 'image/gif' })).toBeNull();
    expect(source(null)).toBeNull();
    const controls = (raw: unknown) => parseDraftChoices({ controls: raw }).controls;
    expect(controls([{ image: ref, weight: 3 }, { image: { hash: 'x' }, weight: 1 }, null, 'x'])).toEqual([{ image: ref, weight: 1 }]);
    expect(controls('x')).toEqual([]);
  });

  it('falls back on anything else a draft may hold wrongly', () => {
    expect(parseDraftChoices(null)).toEqual({ endpoint: null, adapter: null, guidance_scale: null, modelDefaultGuidance: true, source: null, controls: [] });
    expect(parseDraftChoices({ endpoint: 'ep', adapter: 'ink', guidance_scale: 3, modelDefaultGuidance: false, guidanceCount: 1 })).toMatchObject({ endpoint: 'ep', adapter: 'ink', guidance_scale: 3, modelDefaultGuidance: false, guidanceCount: 2 });
  });

  it('takes a plot definition only as the planner makes one (every axis kind declared once, AXIS_MAX_VALUES)', () => {
    const definition = { x: { kind: 'steps', text: '1, 2', off: [99] }, y: null, z: { kind: 'prompt-sr', text: 'a, b' }, perCell: 4 };
    expect(parsePlotDefinition(definition)).toEqual(definition);
    expect(parsePlotDefinition({ ...definition, x: { ...definition.x, off: [100] } })).toBeUndefined();
    expect(parsePlotDefinition({ ...definition, x: { kind: 'colour', text: 'red' } })).toBeUndefined();
    expect(parsePlotDefinition({ ...definition, perCell: 5 })).toBeUndefined();
  });

  it('translates `steps`, `format` and `guidance` to the API names, the API names first', () => {
    expect(withApiNames({ steps: 4, format: 'png', guidance: 2, seed: 1 })).toEqual({ num_inference_steps: 4, response_format: 'png', guidance_scale: 2, seed: 1 });
    expect(withApiNames({ steps: 4, num_inference_steps: 5 })).toEqual({ num_inference_steps: 5 });
    expect(withApiNames('x')).toBe('x');
  });
});
