// Restoring parameters into the form (Reuse settings, a link, a dropped file or sheet): the draft
// fields they set, so that Generate sends the same request once.
import type { ImageParams } from '@/lib/params';
import { BUILT_IN_STYLES, withStyles, type Style } from '@/features/generate/utils/styles';
import type { Draft } from './form-fields';

export type Restore = Partial<ImageParams> & { basePrompt?: string; styles?: string[] };

/** The prompt and active styles that send `prompt` again, given the styles known now. */
export function restorePrompt({ prompt, basePrompt, styles = [] }: { prompt: string; basePrompt?: string; styles?: string[] }, custom: Style[]) {
  const known = [...BUILT_IN_STYLES, ...custom];
  const chosen = styles.map((name) => known.find((s) => s.name === name));
  if (basePrompt !== undefined && styles.length && chosen.every(Boolean) && withStyles(basePrompt, chosen as Style[]) === prompt) {
    return { prompt: basePrompt, activeStyles: styles };
  }
  return { prompt, activeStyles: [] };
}

/**
 * The fields a restore sets: one image, a restored seed locked, and the prompt with exactly the styles
 * it was made with (its base prompt and those styles when they still produce it, else as sent, styles off).
 */
export function restored(params: Restore, s: Draft): Partial<Draft> & { seedDraft?: null } {
  return {
    // A sweep or a batch would turn one remembered request into many.
    mode: 'single',
    count: 1,
    ...(params.prompt !== undefined ? restorePrompt({ ...params, prompt: params.prompt }, s.customStyles) : { activeStyles: [] }),
    num_inference_steps: params.num_inference_steps ?? s.num_inference_steps,
    response_format: params.response_format ?? s.response_format,
    ...(params.seed !== undefined ? { seed: params.seed, seedLocked: true, seedDraft: null } : {}),
    // What it was made with and from: a value not given means none (no adapter, the model's
    // default guidance, no source or control images); an endpoint not given keeps the choice.
    ...(params.endpoint ? { endpoint: params.endpoint } : {}),
    adapter: params.adapter ?? null,
    ...(typeof params.guidance_scale === 'number' ? { guidance_scale: params.guidance_scale, modelDefaultGuidance: false } : { modelDefaultGuidance: true }),
    source: params.source ?? null,
    controls: params.controls ?? [],
  };
}
