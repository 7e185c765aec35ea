// The embedded database's folder is one server's alone: PGlite has no lock of its own, and two
// processes writing one folder would corrupt it. A pid file claims the folder; a claim whose
// process is gone (a crash, a kill -9) is taken over. Hand-written: proper-lockfile and its kin
// lock a file by mtime polling, which is more than a one-owner folder needs.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The embedded database's folder: DATA_DIR, or `data/` beside the app (the folder holding its
 * package.json, found from this module, so the same in server/ under tsx and in the built
 * dist-server/); undefined for `memory`.
 */
export function dataDirOf(configured: string | undefined): string | undefined {
  if (configured === 'memory') return undefined;
  if (configured) return resolve(configured);
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'data');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims `dir` for this process; throws a clear error when another live studio holds it. Returns the release. */
export function claimDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'studio.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (Number.isSafeInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new Error(`Another studio (process ${holder}) is using the data folder ${dir}. Stop it, or give this one its own DATA_DIR.`, { cause: err });
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not claim the data folder ${dir}.`);
}
