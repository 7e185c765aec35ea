// Users, sessions and API keys: every query about who someone is, in one place (Kysely over the
// one database, so PostgreSQL and PGlite answer the same). Tokens and keys are random, stored only
// as sha256 hashes; passwords as scrypt hashes (passwords.ts).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role, User } from '../db/schema';
import { decoyHash, hashPassword, verifyPassword } from './passwords';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/** What the rest of the server knows of a signed-in user. */
export interface SessionUser {
  id: string;
  name: string;
  role: Role;
}

/** API keys start with this, so a leaked one is easy to recognise (and to scan for). */
export const API_KEY_PREFIX = 'fis_';
export const SESSION_DAYS = 14;

const toSessionUser = (u: Pick<User, 'id' | 'name' | 'role'>): SessionUser => ({ id: u.id, name: u.name, role: u.role });

/** The most sessions one instance remembers (the oldest forgotten first). */
const SESSION_CACHE_MAX = 10_000;

/**
 * `cacheSessions`: remember each session's user in this process, so that a signed-in request costs
 * no query. Only for the embedded database, which one process holds alone (server/db/data-dir.ts):
 * every sign-out, new password, role change and disabling goes through this same object, which
 * forgets the sessions it affects at once. With PostgreSQL (several instances) every request asks
 * the database, so that a sign-out on one server ends the session on all of them at once.
 */
export function accounts(db: Kysely<Database>, { cacheSessions = false }: { cacheSessions?: boolean } = {}) {
  const sessions = new Map<string, { user: SessionUser; expires: number }>();
  const forgetUser = (id: string) => {
    for (const [hash, entry] of sessions) if (entry.user.id === id) sessions.delete(hash);
  };
  const byName = (name: string) => db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).executeTakeFirst();

  return {
    byName,
    async list() {
      return db.selectFrom('users').select(['id', 'name', 'role', 'disabled', 'max_in_flight', 'images_per_minute', 'images_per_day', 'created_at']).orderBy('name').execute();
    },
    async get(id: string) {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async count() {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** Creates a user; a name in use (whatever its case) is an error the caller reports. */
    async add({ name, role, password }: { name: string; role: Role; password?: string }) {
      const id = randomUUID();
      await db
        .insertInto('users')
        .values({ id, name, role, password_hash: password ? await hashPassword(password) : null, max_in_flight: null, images_per_minute: null, images_per_day: null })
        .execute();
      return { id, name, role } satisfies SessionUser;
    },
    /** The proxy's user, made on first sight as a designer. */
    async ensure(name: string): Promise<User> {
      const found = await byName(name);
      if (found) return found;
      await db
        .insertInto('users')
        .values({ id: randomUUID(), name, role: 'designer', password_hash: null, max_in_flight: null, images_per_minute: null, images_per_day: null })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return (await byName(name))!;
    },
    async update(id: string, change: Partial<Pick<User, 'role' | 'disabled' | 'max_in_flight' | 'images_per_minute' | 'images_per_day'>>) {
      const result = await db.updateTable('users').set(change).where('id', '=', id).executeTakeFirst();
      forgetUser(id);
      // Disabling ends every session and key at once, on every server (they read the database).
      if (change.disabled) await db.deleteFrom('sessions').where('user_id', '=', id).execute();
      return result.numUpdatedRows > 0n;
    },
    async setPassword(id: string, password: string) {
      await db.updateTable('users').set({ password_hash: await hashPassword(password) }).where('id', '=', id).execute();
      await db.deleteFrom('sessions').where('user_id', '=', id).execute();
      forgetUser(id);
    },
    /** The user when the name and password match an enabled account; the same time and answer otherwise. */
    async checkPassword(name: string, password: string): Promise<SessionUser | undefined> {
      const user = await byName(name);
      const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
      return user && user.password_hash && ok && !user.disabled ? toSessionUser(user) : undefined;
    },

    async createSession(userId: string): Promise<{ token: string; expires: Date }> {
      const token = randomBytes(32).toString('base64url');
      const expires = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
      await db.insertInto('sessions').values({ token_hash: sha256(token), user_id: userId, expires_at: expires }).execute();
      return { token, expires };
    },
    async sessionUser(token: string): Promise<SessionUser | undefined> {
      const hash = sha256(token);
      const cached = sessions.get(hash);
      if (cached && cached.expires > Date.now()) return cached.user;
      sessions.delete(hash);
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['users.id', 'users.name', 'users.role'])
        .select('sessions.expires_at')
        .where('sessions.token_hash', '=', hash)
        .where('sessions.expires_at', '>', new Date())
        .where('users.disabled', '=', false)
        .executeTakeFirst();
      if (!row) return undefined;
      const user = toSessionUser(row);
      if (cacheSessions) {
        if (sessions.size >= SESSION_CACHE_MAX) sessions.delete(sessions.keys().next().value!);
        sessions.set(hash, { user, expires: row.expires_at.getTime() });
      }
      return user;
    },
    async endSession(token: string) {
      sessions.delete(sha256(token));
      await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
    },

    async createKey(userId: string, name: string): Promise<{ id: string; key: string; prefix: string }> {
      const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
      const id = randomUUID();
      const prefix = key.slice(0, API_KEY_PREFIX.length + 6);
      await db.insertInto('api_keys').values({ id, user_id: userId, name, key_hash: sha256(key), prefix, last_used_at: null, revoked_at: null }).execute();
      return { id, key, prefix };
    },
    async listKeys(userId: string) {
      return db
        .selectFrom('api_keys')
        .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .orderBy('created_at')
        .execute();
    },
    async revokeKey(userId: string, id: string) {
      const result = await db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async keyUser(key: string): Promise<SessionUser | undefined> {
      const row = await db
        .selectFrom('api_keys')
        .innerJoin('users', 'users.id', 'api_keys.user_id')
        .select(['users.id', 'users.name', 'users.role', 'api_keys.id as key_id', 'api_keys.last_used_at'])
        .where('api_keys.key_hash', '=', sha256(key))
        .where('api_keys.revoked_at', 'is', null)
        .where('users.disabled', '=', false)
        .executeTakeFirst();
      if (!row) return undefined;
      // Written at most once a minute, not on every request a script makes.
      if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
        await db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', row.key_id).execute();
      }
      return toSessionUser(row);
    },
  };
}

export type Accounts = ReturnType<typeof accounts>;
