// GET /images/:id: the stored bytes, typed by their magic numbers, never sniffed by the browser.
import { Hono } from 'hono';
import { AppError } from '../errors';
import type { ImageStore } from '../image-store';

export function imageRoutes(store: ImageStore) {
  return new Hono().get('/images/:id', async (c) => {
    const image = await store.get(c.req.param('id'));
    if (!image) throw new AppError(404, 'image_not_found', 'No such image here: it may have been evicted or the server restarted. The studio keeps its own copy.');
    return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': image.mime,
      'x-content-type-options': 'nosniff',
      // Ids are random and never reused, so the bytes behind one never change.
      'cache-control': 'private, max-age=31536000, immutable',
    });
  });
}
