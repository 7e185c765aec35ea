// The worker-thread side of the local engine: paints a band of rows off the main event loop,
// straight into the picture's shared buffer, so nothing is copied back; for a PNG it also filters
// those rows, ready for deflate.
import { applyAdapter, type AdapterRoute } from './adapters';
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

/** A whole painted picture to restyle by an adapter route (and then filter, for a PNG). */
export interface AdaptPicture {
  adapter: AdapterRoute;
  width: number;
  height: number;
  pixels: SharedArrayBuffer;
  filtered?: SharedArrayBuffer;
}

export default function renderTask(task: RenderBand | AdaptPicture) {
  if ('adapter' in task) {
    const { adapter, width, height, pixels, filtered } = task;
    const rgb = new Uint8Array(pixels);
    applyAdapter(adapter, rgb, width, height);
    if (filtered) subFilterRows(rgb, width, 0, height, new Uint8Array(filtered));
    return;
  }
  const { input, from, to, pixels, filtered } = task;
  const rgb = new Uint8Array(pixels);
  renderRows(input, from, to, rgb);
  if (filtered) subFilterRows(rgb, input.width, from, to, new Uint8Array(filtered));
}
