// `npm run test:busy`: the whole `npm test` on a deliberately busy machine. One CPU hog per core
// spins at normal priority for the whole run, so that a test which assumes some speed (a progress
// line that "never" shows, a request that "always" ends first) fails here instead of on a busy CI.
// The hogs are child processes that end with this script: on its exit, on a signal, or by
// themselves when their parent is gone or after the time cap below.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** Hogs per core (HOGS_PER_CORE, default 1) and the longest a hog lives, whatever happens. */
const perCore = Number(process.env.HOGS_PER_CORE ?? 1);
const HOG_LIFETIME_MS = 90 * 60_000;

// Each hog spins in slices of 100 ms and checks between them that its parent is still alive.
const hogSource = `
  const parent = process.ppid, until = Date.now() + ${HOG_LIFETIME_MS};
  const alive = () => { try { process.kill(parent, 0); return true; } catch { return false; } };
  for (let x = 0; Date.now() < until && alive(); ) { const end = Date.now() + 100; while (Date.now() < end) x = (x * 31 + 7) % 1000003; }
`;

const count = Math.max(1, Math.round(availableParallelism() * perCore));
const hogs: ChildProcess[] = Array.from({ length: count }, () => spawn(process.execPath, ['-e', hogSource], { stdio: 'ignore' }));
const stopHogs = () => hogs.forEach((hog) => hog.exitCode === null && hog.kill('SIGKILL'));
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => (stopHogs(), process.exit(130)));

console.log(`test:busy: ${count} CPU hog${count === 1 ? '' : 's'} spinning on ${availableParallelism()} cores for the whole run`);
const started = Date.now();
const test = spawn('npm', ['test'], { stdio: 'inherit' });
test.on('exit', (code, signal) => {
  stopHogs();
  console.log(`test:busy: npm test ${code === 0 ? 'passed' : `failed (${signal ?? `exit ${code}`})`} under load in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  process.exit(code ?? 1);
});
