// GET /images/:id: the stored bytes, typed by their magic numbers, never sniffed by the browser;
// only to the user they were made for.
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/guard';
import { AppError } from '../errors';
import type { ImageStore } from '../image-store';

export function imageRoutes(store: ImageStore) {
  return new Hono<AuthEnv>().get('/images/:id', async (c) => {
    // Only its owner gets an image back: anyone else, like any guessed id, gets the same 404.
    const image = await store.get(c.req.param('id'), c.get('user')?.id);
    if (!image) throw new AppError(404, 'image_not_found', 'No such image here: it may have been evicted or the server restarted. The studio keeps its own copy.');
    return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': image.mime,
      'x-content-type-options': 'nosniff',
      // Ids are random and never reused, so the bytes behind one never change.
      'cache-control': 'private, max-age=31536000, immutable',
    });
  });
}
