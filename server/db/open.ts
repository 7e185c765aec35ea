// Opens the one database: PostgreSQL when DATABASE_URL is set (every instance of a team's studio
// shares it), otherwise PGlite (PostgreSQL compiled to WebAssembly) in a folder beside the app, so
// that a single server keeps its users and usage across restarts with nothing to install. Both
// speak the same SQL, so one set of queries (Kysely) and one set of migrations serve both.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import type { Database } from './schema';
import { migrations } from './migrations';

export type DatabaseKind = 'postgres' | 'pglite';

export interface StudioDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Resolves when the database answers a trivial query within `timeoutMs`; rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… (DATABASE_URL). */
  url?: string;
  /** PGlite's folder; none: in memory (tests). */
  dir?: string;
  /** Told about a pooled connection that failed while idle (PostgreSQL restarted): never a crash. */
  onIdleError?: (err: Error) => void;
}

/**
 * An in-memory PGlite (tests, DATA_DIR=memory) started from a cached copy of a fresh database
 * (a tarball in the system's temp folder, keyed by PGlite's version): initdb takes seconds, loading
 * its result a fraction of that. A missing or damaged copy is made anew; the copy is written to a
 * temporary name and renamed, so a reader never sees half of one.
 */
async function memoryPGlite(PGlite: typeof import('@electric-sql/pglite').PGlite) {
  // Keyed by PGlite's own files (its build's size and time), so an upgrade makes a new copy.
  const wasm = statSync(join(dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))), 'pglite.wasm'));
  const template = join(tmpdir(), `friendli-studio-pglite-${wasm.size}-${Math.round(wasm.mtimeMs)}.tar.gz`);
  try {
    const blob = new Blob([readFileSync(template)]);
    const db = new PGlite({ loadDataDir: blob });
    await db.waitReady;
    return db;
  } catch {
    const db = new PGlite();
    await db.waitReady;
    try {
      const dump = await db.dumpDataDir('gzip');
      const partial = `${template}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      renameSync(partial, template);
    } catch {
      // No cache this time (a read-only temp folder): the next start runs initdb again.
    }
    return db;
  }
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`The database could not be brought up to date${failed ? ` (migration ${failed.migrationName})` : ''}: ${reason}`);
  }
}

export async function openDatabase({ url, dir, onIdleError }: OpenDatabaseOptions = {}): Promise<StudioDatabase> {
  let db: Kysely<Database>;
  let kind: DatabaseKind;
  if (url) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
    pool.on('error', (err) => onIdleError?.(err));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    kind = 'postgres';
  } else {
    const [{ PGlite }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
    if (dir) mkdirSync(dir, { recursive: true });
    db = new Kysely<Database>({ dialect: new PGliteDialect(dir ? new PGlite(dir) : await memoryPGlite(PGlite)) });
    kind = 'pglite';
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy().catch(() => {});
    throw err;
  }
  return {
    db,
    kind,
    async ping(timeoutMs = 2_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the database did not answer in time')), timeoutMs);
      });
      try {
        await Promise.race([sql`select 1`.execute(db), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => db.destroy(),
  };
}
