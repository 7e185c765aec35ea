// What the form's choices mean against the server's endpoints: the endpoint (the chosen one if the
// server still has it, else its first), an adapter that endpoint has, steps within its range,
// guidance only when it takes guidance and the model's default is not asked for, a source only when
// it takes edits, and no more control images than it takes. The form draws from it and Generate sends it.
// One name per meaning: `guidanceRange` is a range, `guidance_scale` a value.
import type { EndpointInfo, GuidanceRange } from '@server/contract';
import type { ControlInput, InputRef } from '@/lib/params';
import type { Draft } from '@/features/generate/stores/form-fields';
import { chosenEndpoint } from './edit-endpoint';

export type FormChoices = Pick<Draft, 'endpoint' | 'adapter' | 'num_inference_steps' | 'guidance_scale' | 'modelDefaultGuidance' | 'source' | 'controls'>;

/** The choices out of the form's state (a selector: compare its result shallowly). */
export const choicesOf = ({ endpoint, adapter, num_inference_steps, guidance_scale, modelDefaultGuidance, source, controls }: FormChoices): FormChoices => ({ endpoint, adapter, num_inference_steps, guidance_scale, modelDefaultGuidance, source, controls });

export interface Resolved {
  endpoint: EndpointInfo;
  adapter: string | null;
  num_inference_steps: number;
  /** What is sent: the value chosen (the endpoint's default until one is), clamped to its range; null when the model's default applies (or the endpoint takes no guidance). */
  guidance_scale: number | null;
  guidanceRange: GuidanceRange | false;
  source: InputRef | null;
  controls: ControlInput[];
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

export function resolveForm(choices: FormChoices, endpoints: EndpointInfo[]): Resolved {
  const endpoint = chosenEndpoint(endpoints, choices.endpoint)!;
  const { steps, guidance_range: guidanceRange } = endpoint;
  return {
    endpoint,
    adapter: choices.adapter && endpoint.adapters.includes(choices.adapter) ? choices.adapter : null,
    num_inference_steps: clamp(choices.num_inference_steps ?? steps.default, steps.min, steps.max),
    guidance_scale: guidanceRange && !choices.modelDefaultGuidance ? clamp(choices.guidance_scale ?? guidanceRange.default, guidanceRange.min, guidanceRange.max) : null,
    guidanceRange,
    source: endpoint.edit ? choices.source : null,
    controls: choices.controls.slice(0, endpoint.control_images),
  };
}
