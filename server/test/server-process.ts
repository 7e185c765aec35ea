// The real server (server/index.ts) as a child process, for tests and scripts: Node itself with
// tsx's loader (no npx in between), on an OS-assigned port (PORT=0, read back from its start-up
// line), in a process group of its own that is stopped whole, also when the parent fails or exits.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once it has exited. */
  exited: Promise<number | string | null>;
  /** Stops its whole process group: SIGTERM, then SIGKILL after `killAfterMs`. */
  stop(killAfterMs?: number): Promise<void>;
}

const live = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Synchronous, so it runs on any exit: a failed run or an uncaught error leaves no orphan.
  process.on('exit', () => {
    for (const pid of live) killGroup(pid, 'SIGKILL');
  });
}

/** For scripts run from a terminal: Ctrl+C (or SIGTERM) stops every server started here, then exits. */
export function stopServersOnSignals() {
  installExitHook();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
}

export async function startServerProcess({
  env = {},
  command = [process.execPath, '--import', 'tsx', 'server/index.ts'],
  // A start includes opening the embedded database: seconds, more on a busy machine.
  startTimeoutMs = 60_000,
  cwd,
}: {
  env?: Record<string, string>;
  /** Its working folder (this process's by default). */
  cwd?: string;
  /** The program and its arguments; the server itself by default. */
  command?: [string, ...string[]];
  startTimeoutMs?: number;
} = {}): Promise<ServerProcess> {
  installExitHook();
  const host = env.HOST ?? '127.0.0.1';
  const child = spawn(command[0], command.slice(1), {
    cwd,
    // An embedded database in memory unless the test gives a folder: nothing is left behind.
    env: { ...process.env, HOST: host, PORT: '0', DATA_DIR: 'memory', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: stopping it reaches everything it started.
    detached: true,
  });
  const pid = child.pid!;
  live.add(pid);
  let text = '';
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve(code ?? signal);
    }),
  );
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));

  async function stop(killAfterMs = 5000) {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), killAfterMs);
      await exited;
      clearTimeout(timer);
    }
    // Anything of the group still running once the leader is gone.
    killGroup(pid, 'SIGKILL');
    live.delete(pid);
  }

  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start within ${startTimeoutMs} ms:\n${text}`)), startTimeoutMs);
      const onData = () => {
        const match = /is running at http:\/\/\S+?:(\d+)\//.exec(text);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout!.on('data', onData);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code}) before it started:\n${text}`));
      });
    });
    const urlHost = host.includes(':') ? `[${host}]` : host;
    return { child, pid, port, url: `http://${urlHost}:${port}`, output: () => text, exited, stop };
  } catch (err) {
    await stop(0);
    throw err;
  }
}
