// The worker-thread side of the local engine: paints a band of rows off the main event loop,
// straight into the picture's shared buffer, so nothing is copied back.
import { renderRows, type RenderInput } from './render';

export interface RenderBand {
  input: RenderInput;
  from: number;
  to: number;
  /** The whole picture, width × height × 3 bytes, shared by every band of it. */
  pixels: SharedArrayBuffer;
}

export default function renderTask({ input, from, to, pixels }: RenderBand) {
  renderRows(input, from, to, new Uint8Array(pixels));
}
