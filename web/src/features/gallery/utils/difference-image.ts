// The difference view's image: |a − b| per channel, brightened, so unchanged pixels are black; and
// the share of pixels that changed at all.
export async function differenceImage(a: Blob, b: Blob): Promise<{ url: string; changed: number }> {
  // Decoded from the stored Blobs: fetching their blob: URLs is not allowed by the page's CSP.
  const [ia, ib] = await Promise.all([createImageBitmap(a), createImageBitmap(b)]);
  const w = Math.min(ia.width, ib.width);
  const h = Math.min(ia.height, ib.height);
  const pixels = (bitmap: ImageBitmap) => {
    const ctx = new OffscreenCanvas(w, h).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0, w, h);
    return ctx.getImageData(0, 0, w, h);
  };
  const [da, db] = [pixels(ia), pixels(ib)];
  const out = new ImageData(w, h);
  const changed = diffPixels(da.data, db.data, out.data);
  const canvas = new OffscreenCanvas(w, h);
  canvas.getContext('2d')!.putImageData(out, 0, 0);
  return { url: URL.createObjectURL(await canvas.convertToBlob()), changed: changed / (w * h) };
}

/** Writes the brightened difference of two RGBA buffers into `out`; returns how many pixels differ. */
export function diffPixels(a: Uint8ClampedArray, b: Uint8ClampedArray, out: Uint8ClampedArray): number {
  let changed = 0;
  for (let i = 0; i < a.length; i += 4) {
    let any = false;
    for (let c = 0; c < 3; c++) {
      const d = Math.abs(a[i + c]! - b[i + c]!);
      out[i + c] = Math.min(255, d * 4);
      any ||= d > 0;
    }
    out[i + 3] = 255;
    if (any) changed++;
  }
  return changed;
}
