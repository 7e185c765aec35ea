// The worker-thread side of the local engine: paints a band of rows off the main event loop,
// straight into the picture's shared buffer, so nothing is copied back; for a PNG it also filters
// those rows, ready for deflate.
import { subFilterRows } from './png';
import { renderRows, type RenderInput } from './render';

export interface RenderBand {
  input: RenderInput;
  from: number;
  to: number;
  /** The whole picture, width × height × 3 bytes, shared by every band of it. */
  pixels: SharedArrayBuffer;
  /** For a PNG: the whole picture's filtered rows (filteredSize bytes), shared the same way. */
  filtered?: SharedArrayBuffer;
}

export default function renderTask({ input, from, to, pixels, filtered }: RenderBand) {
  const rgb = new Uint8Array(pixels);
  renderRows(input, from, to, rgb);
  if (filtered) subFilterRows(rgb, input.width, from, to, new Uint8Array(filtered));
}
