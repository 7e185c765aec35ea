import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildLink, readLink } from '@/lib/link-params';
import { fromEntry, type GalleryEntry } from '@/lib/params';
import { hydrateForm, useFormStore } from './form-store';

const state = () => useFormStore.getState();

describe('form store', () => {
  // The draft's migration and check load with the schema module, as in the page.
  beforeAll(() => hydrateForm());
  beforeEach(() => useFormStore.setState({ prompt: '', num_inference_steps: null, seed: null, seedLocked: false, response_format: null }));

  it('restores parameters and locks a restored seed', () => {
    state().apply({ prompt: 'a red barn', num_inference_steps: 7, seed: 42, response_format: 'jpeg' });
    expect(state()).toMatchObject({ prompt: 'a red barn', num_inference_steps: 7, seed: 42, seedLocked: true, response_format: 'jpeg' });
  });

  it('restores a plot from a sheet: mode X/Y plot, its axes, the prompt and fixed parameters (seed locked); a bad definition changes nothing', async () => {
    const definition = { x: { kind: 'guidance', text: '3, 7' }, y: { kind: 'prompt-sr', text: 'barn, house', off: [1] }, z: null, perCell: 2 };
    await state().applyPlot(definition, { prompt: 'a red barn', num_inference_steps: 5, seed: 9, response_format: 'png', adapter: 'ink' });
    expect(state()).toMatchObject({ mode: 'plot', plot: definition, prompt: 'a red barn', num_inference_steps: 5, seed: 9, seedLocked: true, adapter: 'ink' });
    await state().applyPlot({ x: { kind: 'colour', text: 'red' } }, { prompt: 'other' });
    expect(state()).toMatchObject({ mode: 'plot', plot: definition, prompt: 'a red barn' });
  });

  it('keeps fields a partial restore does not carry', () => {
    state().apply({ prompt: 'first', num_inference_steps: 3, response_format: 'png' });
    state().apply({ prompt: 'second' });
    expect(state()).toMatchObject({ prompt: 'second', num_inference_steps: 3, response_format: 'png', seed: null, seedLocked: false });
  });

  it('restores one request: single mode, one image, the styles the prompt was made with or none', () => {
    useFormStore.setState({ mode: 'steps', count: 4, activeStyles: ['Minimal'], customStyles: [{ name: 'Foggy', fragment: 'thick fog' }] });
    state().apply({ prompt: 'a fox, thick fog', basePrompt: 'a fox', styles: ['Foggy'], num_inference_steps: 3, seed: 1, response_format: 'png' });
    expect(state()).toMatchObject({ mode: 'single', count: 1, prompt: 'a fox', activeStyles: ['Foggy'] });
    // A style gone (or changed) since: the prompt as sent, styles off, so the text is not doubled.
    state().apply({ prompt: 'a fox, gone style text', basePrompt: 'a fox', styles: ['Gone'] });
    expect(state()).toMatchObject({ prompt: 'a fox, gone style text', activeStyles: [] });
    // A link or a file carries only the prompt sent.
    useFormStore.setState({ activeStyles: ['Minimal'], mode: 'ab' });
    state().apply({ prompt: 'from a link' });
    expect(state()).toMatchObject({ prompt: 'from a link', activeStyles: [], mode: 'single' });
  });

  describe('an edit', () => {
    const source = { hash: 'ab'.repeat(32), mime: 'image/png' as const, width: 64, height: 64, entryId: 'parent' };
    const control = { image: { hash: 'cd'.repeat(32), mime: 'image/png' as const, width: 64, height: 64 }, weight: 0.5 };
    const edit: GalleryEntry = {
      id: 'edit', prompt: 'make the sky violet', num_inference_steps: 4, seed: 7, response_format: 'png', engine: 'local', endpoint: 'local-engine',
      adapter: 'watercolor', guidance_scale: 7.5, source, controls: [control], createdAt: 1, elapsedMs: 1, mime: 'image/png', width: 64, height: 64, bytes: 1,
    };

    it('Reuse settings restores its source, control images, endpoint, adapter and guidance', () => {
      useFormStore.setState({ endpoint: 'other', adapter: null, guidance_scale: null, modelDefaultGuidance: true, source: null, controls: [] });
      state().apply(fromEntry(edit));
      expect(state()).toMatchObject({ prompt: 'make the sky violet', endpoint: 'local-engine', adapter: 'watercolor', guidance_scale: 7.5, modelDefaultGuidance: false, source, controls: [control] });
      // An entry made with the model's default guidance and no adapter turns both off again.
      state().apply(fromEntry({ ...edit, adapter: null, guidance_scale: null, source: undefined, controls: undefined }));
      expect(state()).toMatchObject({ adapter: null, modelDefaultGuidance: true, source: null, controls: [] });
    });

    it('a copied link restores endpoint, adapter and guidance, and no images (links carry none)', () => {
      useFormStore.setState({ endpoint: null, adapter: null, guidance_scale: null, modelDefaultGuidance: true, source: null, controls: [] });
      state().apply(readLink(new URL(buildLink(edit, 'http://127.0.0.1:8787')).search)!);
      expect(state()).toMatchObject({ prompt: 'make the sky violet', endpoint: 'local-engine', adapter: 'watercolor', guidance_scale: 7.5, modelDefaultGuidance: false, source: null, controls: [] });
    });
  });

  it('goes back to random after queuing unless the seed is locked, which keeps the seed used', () => {
    state().setSeed(1234);
    state().submitted(1234);
    expect(state().seed).toBeNull();
    state().setSeedLocked(true);
    state().submitted(987);
    expect(state().seed).toBe(987);
    state().submitted(undefined);
    expect(state()).toMatchObject({ seed: 987, seedLocked: true });
  });

  it('fills a random 32-bit seed on demand', () => {
    state().randomizeSeed();
    const first = state().seed!;
    expect(Number.isInteger(first) && first >= 0 && first <= 4294967295).toBe(true);
    state().randomizeSeed();
    expect(state().seed).not.toBe(first);
  });

  it('reads a draft saved by an earlier version (`steps`, `format`) under the API names', async () => {
    const migrate = useFormStore.persist.getOptions().migrate!;
    expect(await migrate({ prompt: 'a fox', steps: 5, format: 'jpeg', seedLocked: true }, 1)).toEqual({ prompt: 'a fox', num_inference_steps: 5, response_format: 'jpeg', seedLocked: true });
    expect(await migrate({ prompt: 'a fox' }, 1)).toEqual({ prompt: 'a fox', num_inference_steps: null, response_format: null });
  });

  it('reads a version 2 draft (`guidance`, `useDefaultGuidance`) under the API name once', async () => {
    const migrate = useFormStore.persist.getOptions().migrate!;
    expect(await migrate({ prompt: 'a fox', num_inference_steps: 5, guidance: 6.5, useDefaultGuidance: false }, 2)).toEqual({ prompt: 'a fox', num_inference_steps: 5, guidance_scale: 6.5, modelDefaultGuidance: false });
    expect(await migrate({ prompt: 'a fox', guidance: null, useDefaultGuidance: true }, 2)).toEqual({ prompt: 'a fox', guidance_scale: null, modelDefaultGuidance: true });
    expect(useFormStore.persist.getOptions().version).toBe(3);
  });

  it('a guidance sweep counts its values apart: trying it leaves the batch Count as it was', () => {
    useFormStore.setState({ mode: 'single', count: 1 });
    state().setMode('guidance');
    expect(state()).toMatchObject({ count: 1, guidanceCount: 5 });
    state().setGuidanceCount(3);
    state().setMode('single');
    expect(state()).toMatchObject({ count: 1, guidanceCount: 3 });
  });

  it('checks a stored draft before using it: bad input images, names and counts fall back', () => {
    const merge = useFormStore.persist.getOptions().merge!;
    const merged = merge({ source: { hash: 'x' }, controls: [null, { weight: 2 }], endpoint: 7, adapter: 'a'.repeat(300), guidance_scale: 'lots', guidanceCount: 99, modelDefaultGuidance: 'no' }, state());
    expect(merged).toMatchObject({ source: null, controls: [], endpoint: null, adapter: null, guidance_scale: null, guidanceCount: 8, modelDefaultGuidance: true });
  });
});
