// The request bodies the browser sends are typed by the routes' own validators (through AppType):
// an unknown field or a wrong type does not compile. `npm run typecheck` checks this file; each
// `@ts-expect-error` fails it if the line it marks ever compiles.
import type { InferRequestType } from 'hono/client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EditRequest, GenerateRequest } from '@server/contract';
import { api } from './api-client';

type GenerateBody = InferRequestType<typeof api.generate.$post>['json'];
type EditBody = InferRequestType<typeof api.edit.$post>['json'];
const image = { image: 'data:image/png;base64,iVBORw0KGgo=' };

/** Never called: only compiled. */
function requests() {
  void api.generate.$post({ json: { prompt: 'a quiet lake', num_inference_steps: 4, guidance_scale: null, seed: 7, control_images: [image], controlnet_weights: [0.5] } });
  void api.edit.$post({ json: { prompt: 'make the sky violet', image, endpoint: 'local-engine', adapter: null } });
  void api.edit.$post({ json: { prompt: 'make the sky violet', image: [image, image] } });
  // @ts-expect-error an unknown field
  void api.generate.$post({ json: { prompt: 'p', bogus_field: 1 } });
  // @ts-expect-error num_inference_steps is a number
  void api.generate.$post({ json: { prompt: 'p', num_inference_steps: 'x' } });
  // @ts-expect-error guidance_scale is a number or null
  void api.generate.$post({ json: { prompt: 'p', guidance_scale: '7.5' } });
  // @ts-expect-error control images are {image} objects
  void api.generate.$post({ json: { prompt: 'p', control_images: ['data:image/png;base64,'] } });
  // @ts-expect-error the prompt is required
  void api.generate.$post({ json: { seed: 1 } });
  // @ts-expect-error an edit needs its image
  void api.edit.$post({ json: { prompt: 'p' } });
  // @ts-expect-error an edit's image is an {image} object or a list of them
  void api.edit.$post({ json: { prompt: 'p', image: 'data:image/png;base64,' } });
  // @ts-expect-error an unknown field in an edit
  void api.edit.$post({ json: { prompt: 'p', image, strength: 0.5 } });
}

describe('the typed client', () => {
  it("takes the routes' own request types, which are the contract's", () => {
    expectTypeOf<GenerateBody>().toEqualTypeOf<GenerateRequest>();
    expectTypeOf<EditBody>().toEqualTypeOf<EditRequest>();
    expectTypeOf<GenerateBody['num_inference_steps']>().toEqualTypeOf<number | undefined>();
    expect(requests).toBeTypeOf('function');
  });
});
