// What the local engine offers as an endpoint, as its own export: the app's wiring (server/app.ts)
// hands it to the configuration (server/config.ts), which describes the local endpoint from it.
import type { EngineCapabilities } from '../protocol/studio';
import { ADAPTER_ROUTES } from './adapters';
import { MAX_CONTROL_IMAGES } from './guide';
import { NEUTRAL_GUIDANCE } from './render';

export const LOCAL_ENGINE_CAPABILITIES: EngineCapabilities = {
  adapters: [...ADAPTER_ROUTES],
  guidance_range: { min: 0, max: 20, default: NEUTRAL_GUIDANCE },
  edit: true,
  control_images: MAX_CONTROL_IMAGES,
};
