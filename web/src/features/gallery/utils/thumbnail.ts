// A small WebP thumbnail for the gallery list, made by the browser's own image pipeline. Given an
// <img> that already shows the picture, it draws from that, sparing a second decode.
export async function makeThumbnail(image: Blob, shown?: HTMLImageElement, width = 320): Promise<Blob> {
  const source = shown?.complete && shown.naturalWidth ? shown : await createImageBitmap(image);
  const height = Math.round((width * source.height) / source.width);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, width, height);
  if (source instanceof ImageBitmap) source.close();
  return canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
}
