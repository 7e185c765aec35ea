// What the form's choices mean against the server's endpoints: the endpoint (the chosen one if the
// server still has it, else its first), an adapter that endpoint has, steps within its range,
// guidance only when it takes guidance and the default is not asked for, a source only when it takes
// edits, and no more control images than it takes. The form draws from it and Generate sends it.
import type { EndpointInfo, GuidanceRange } from '@server/contract';
import type { ControlInput, InputRef } from '@/lib/params';

export interface FormChoices {
  endpoint: string | null;
  adapter: string | null;
  num_inference_steps: number | null;
  guidance: number | null;
  useDefaultGuidance: boolean;
  source: InputRef | null;
  controls: ControlInput[];
}

export interface Resolved {
  endpoint: EndpointInfo;
  adapter: string | null;
  num_inference_steps: number;
  /** The slider's value (the endpoint's default until one is chosen), clamped to its range. */
  guidanceValue: number | null;
  /** What is sent: null when the model's default applies (or the endpoint takes no guidance). */
  guidance_scale: number | null;
  guidanceRange: GuidanceRange | false;
  source: InputRef | null;
  controls: ControlInput[];
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

export function resolveForm(choices: FormChoices, endpoints: EndpointInfo[]): Resolved {
  const endpoint = endpoints.find((e) => e.id === choices.endpoint) ?? endpoints[0]!;
  const { steps, guidance } = endpoint;
  const guidanceValue = guidance ? clamp(choices.guidance ?? guidance.default, guidance.min, guidance.max) : null;
  return {
    endpoint,
    adapter: choices.adapter && endpoint.adapters.includes(choices.adapter) ? choices.adapter : null,
    num_inference_steps: clamp(choices.num_inference_steps ?? steps.default, steps.min, steps.max),
    guidanceValue,
    guidance_scale: guidance && !choices.useDefaultGuidance ? guidanceValue : null,
    guidanceRange: guidance,
    source: endpoint.edit ? choices.source : null,
    controls: choices.controls.slice(0, endpoint.control_images),
  };
}
