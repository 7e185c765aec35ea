// The short-lived images behind /api/images/:id in the shared database, for a team on several
// instances: an image made through one instance is fetched through another. Bounded like the
// memory store: past maxBytes (or a day old) the oldest are deleted.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { IMAGE_ID_PATTERN, type ImageStore, type StoredImage } from '../image-store';
import type { ImageMime } from '../contract';
import type { Database } from './schema';

const MAX_AGE = '1 day';

export function createDatabaseImageStore(db: Kysely<Database>, { maxBytes }: { maxBytes: number }): ImageStore {
  let pruning: Promise<void> | undefined;
  // One prune at a time per instance; a prune that fails (the database went away) is retried on the next put.
  const prune = () =>
    (pruning ??= (async () => {
      try {
        await sql`delete from images where created_at < now() - ${MAX_AGE}::interval or id in (
          select id from (select id, sum(size) over (order by created_at desc, id) as running from images) t where running > ${maxBytes}
        )`.execute(db);
      } finally {
        pruning = undefined;
      }
    })());

  return {
    async put(image: StoredImage, owner?: string) {
      const id = randomBytes(16).toString('base64url');
      await db.insertInto('images').values({ id, user_id: owner ?? null, mime: image.mime, bytes: image.bytes, size: image.bytes.byteLength }).execute();
      void prune().catch(() => {});
      return id;
    },
    async get(id: string, owner?: string) {
      if (!IMAGE_ID_PATTERN.test(id)) return undefined;
      const row = await db.selectFrom('images').select(['mime', 'bytes', 'user_id']).where('id', '=', id).executeTakeFirst();
      if (!row || (row.user_id ?? undefined) !== owner) return undefined;
      return { bytes: new Uint8Array(row.bytes), mime: row.mime as ImageMime };
    },
  };
}
