// The tables every instance shares (users, sessions, API keys, usage, and with DATABASE_URL the
// short-lived images), typed for Kysely: the one description the queries are checked against.
// server/db/migrations.ts creates exactly these.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../contract';

export type { Role };

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface UsersTable {
  id: string;
  name: string;
  role: Role;
  /** `scrypt$...` (server/auth/passwords.ts); null for a user who signs in through a proxy only. */
  password_hash: string | null;
  disabled: Generated<boolean>;
  /** Per-user limits; null means the configured default. */
  max_in_flight: number | null;
  images_per_minute: number | null;
  images_per_day: number | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** sha256 of the cookie's value: the database never holds a usable session token. */
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface ApiKeysTable {
  id: string;
  user_id: string;
  name: string;
  /** sha256 of the key (keys are 32 random bytes: no slow hash needed). */
  key_hash: string;
  /** The key's first characters, shown in lists so a user can tell keys apart. */
  prefix: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface SignInFailuresTable {
  /** `account:<lower-cased name>` or `address:<ip>`. */
  key: string;
  failures: number;
  window_start: Date;
  locked_until: Date | null;
}

export interface UsageTable {
  id: Generated<string>;
  user_id: string;
  endpoint: string;
  adapter: string | null;
  kind: 'generate' | 'edit';
  steps: number;
  width: number | null;
  height: number | null;
  response_format: string;
  images: number;
  duration_ms: number;
  outcome: string;
  bytes: number;
  created_at: CreatedAt;
}

export interface JobsTable {
  id: string;
  user_id: string;
  endpoint: string;
  images: number;
  started_at: CreatedAt;
  /** Renewed while the job runs: a job whose instance died stops counting once this is old. */
  heartbeat_at: Date;
  finished_at: Date | null;
  ok: boolean | null;
}

export interface ImagesTable {
  id: string;
  user_id: string | null;
  mime: string;
  bytes: Uint8Array;
  size: number;
  created_at: CreatedAt;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  sign_in_failures: SignInFailuresTable;
  usage: UsageTable;
  jobs: JobsTable;
  images: ImagesTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UsageRecord = Insertable<UsageTable>;
