// The Dockerfile's steps, run without Docker (no engine runs on our machines) in a temporary folder:
// the repository's files (git ls-files) as the build context, a clean install and `npm run build`
// as the build stage does, then a runtime folder holding only what the runtime stage copies (read
// from the Dockerfile itself) with production dependencies only (`npm ci --omit=dev`), and the
// Dockerfile's own CMD started with plain node: it answers /healthz (and the HEALTHCHECK command
// passes), serves the web build, and makes an image on the local engine. Slow (two installs and a
// build): every wait is on a condition, within generous limits.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { execForm, readDockerfile } from '../test/dockerfile';
import { startServerProcess } from '../test/server-process';

const run = promisify(execFile);
const STEP_MS = 600_000;
const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'studio-container-'));
const context = join(work, 'build');
const runtimeDir = join(work, 'runtime');

// Plain node and npm, as in the image: no loader, no test mode, npm's own settings left alone.
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_OPTIONS' && k !== 'NODE_ENV' && !k.startsWith('VITEST'))) as Record<string, string>;

async function step(cwd: string, command: string, args: string[]) {
  try {
    await run(command, args, { cwd, env: childEnv, timeout: STEP_MS, maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`, { cause: err });
  }
}

// Two installs' worth of files: their removal may take a while on a busy machine.
afterAll(() => rm(work, { recursive: true, force: true }), STEP_MS);

describe("the Dockerfile's steps, without Docker", () => {
  it('build, install production dependencies only, start the built server with node: it is healthy and makes an image', async () => {
    const { stages } = readDockerfile(join(root, 'Dockerfile'));
    const runtime = stages.at(-1)!;
    const build = stages.find((s) => s.name && runtime.instructions.some((i) => i.keyword === 'COPY' && i.flags.from === s.name))!;
    const workdir = (stage: typeof build) => stage.instructions.findLast((i) => i.keyword === 'WORKDIR')?.args ?? '/';

    // The build context: the repository's files (what git tracks or would, as .dockerignore leaves out the rest).
    const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    for (const file of stdout.split('\0').filter(Boolean)) {
      if (!existsSync(join(root, file))) continue; // deleted in the work tree
      mkdirSync(dirname(join(context, file)), { recursive: true });
      cpSync(join(root, file), join(context, file));
    }
    await step(context, 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
    await step(context, 'npm', ['run', 'build']);

    // The runtime stage: only what it copies, from the context or from the build stage.
    mkdirSync(runtimeDir);
    for (const copy of runtime.instructions.filter((i) => i.keyword === 'COPY')) {
      const parts = copy.args.split(/\s+/);
      const target = parts.pop()!;
      for (const source of parts) {
        const from = copy.flags.from === build.name ? join(context, posix.relative(workdir(build), source)) : join(context, source);
        const to = target.endsWith('/') ? join(runtimeDir, target, posix.basename(source)) : join(runtimeDir, target);
        cpSync(from, to, { recursive: true });
      }
    }
    await step(runtimeDir, 'npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund']);
    // Nothing of the build's tools came along: the server runs without them.
    for (const tool of ['tsx', 'vite', 'typescript']) expect(existsSync(join(runtimeDir, 'node_modules', tool)), tool).toBe(false);
    expect(existsSync(join(runtimeDir, 'server'))).toBe(false);

    const env = Object.fromEntries(runtime.instructions.filter((i) => i.keyword === 'ENV').flatMap((i) => i.properties.map((p) => [p.name, p.value ?? ''])));
    const server = await startServerProcess({
      cwd: runtimeDir,
      command: execForm(runtime.instructions.findLast((i) => i.keyword === 'CMD')!.args) as [string, ...string[]],
      // Loopback here (the image listens on 0.0.0.0 with a key); the local engine, small pictures.
      env: { ...childEnv, ...env, HOST: '127.0.0.1', PORT: '0', FRIENDLI_TOKEN: '', LOCAL_ENGINE_SIZE: '64', RATE_LIMIT_PER_MINUTE: '0' },
      startTimeoutMs: 120_000,
    });
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true });
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

      // Docker's HEALTHCHECK command, as Docker would run it inside the container.
      const check = execForm(runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK')!.args);
      await run(check[0]!, check.slice(1), { cwd: runtimeDir, env: { ...childEnv, PORT: String(server.port) }, timeout: 60_000 });

      const page = await fetch(`${server.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/);

      const made = await fetch(`${server.url}/api/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'a lighthouse at dusk', seed: 7 }) });
      expect(made.status).toBe(200);
      const { images } = (await made.json()) as { images: Array<{ url: string; mime: string }> };
      const image = await fetch(`${server.url}${images[0]!.url}`);
      expect(image.status).toBe(200);
      expect([...new Uint8Array(await image.arrayBuffer()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

      const metrics = await fetch(`${server.url}/metrics`);
      expect(await metrics.text()).toMatch(/^process_cpu_seconds_total \d/m);
    } finally {
      await server.stop();
    }
    expect(server.output()).toMatch(/is running at/);
    expect(readFileSync(join(runtimeDir, 'package.json'), 'utf8')).toContain('"serve"');
  }, 1_800_000);
});
