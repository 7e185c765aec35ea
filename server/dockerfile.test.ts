// The container and compose files keep the promises the README makes of them: a multi-stage build
// whose runtime holds production dependencies and the build only, runs as a user other than root,
// checks its health through /healthz with Node (slim images have no curl), bakes in no token, key
// or password; and compose.yaml runs two studios behind a round-robin proxy with one PostgreSQL,
// their settings from an env file. (No Docker engine runs here: server/scripts/container-build.test.ts
// runs the same steps.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { execForm, readDockerfile } from './test/dockerfile';

const { stages, globals } = readDockerfile();
const runtime = stages.at(-1)!;
const all = [...globals, ...stages.flatMap((s) => s.instructions)];
const of = (keyword: string, stage = runtime) => stage.instructions.filter((i) => i.keyword === keyword);
const SECRET_NAME = /TOKEN|KEY|PASSWORD|SECRET|CREDENTIAL|DATABASE_URL/i;

describe('Dockerfile', () => {
  it('builds in one stage and runs from another that copies only the build from it', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages.find((s) => s.name && of('COPY', runtime).some((c) => c.flags.from === s.name))!;
    expect(build).toBeDefined();
    expect(of('RUN', build).map((r) => r.args)).toEqual(expect.arrayContaining([expect.stringMatching(/^npm ci\b/), 'npm run build']));
    expect(of('RUN').map((r) => r.args)).toEqual(expect.arrayContaining([expect.stringMatching(/^npm ci --omit=dev\b/)]));
    const fromBuild = of('COPY')
      .filter((c) => c.flags.from === build.name)
      .map((c) => c.args.split(/\s+/)[0]);
    expect(fromBuild.sort()).toEqual(['/app/dist', '/app/dist-server']);
  });

  it('runs as a user other than root', () => {
    const users = of('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)!.args.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('checks its health with node against /healthz, and starts the built server with plain node', () => {
    const [check] = of('HEALTHCHECK');
    expect(check).toBeDefined();
    const command = execForm(check!.args);
    expect(command[0]).toBe('node');
    expect(command.join(' ')).toMatch(/\/healthz/);
    expect(command.join(' ')).not.toMatch(/curl|wget/);
    const cmd = execForm(of('CMD').at(-1)!.args);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(cmd.join(' ')).toBe(pkg.scripts.serve);
  });

  it('bakes in no token, key or password, and listens beyond loopback (so APP_ACCESS_KEY is required at run time)', () => {
    for (const instruction of all.filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG')) {
      for (const { name, value } of instruction.properties) if (SECRET_NAME.test(name)) expect(value ?? '', `${instruction.keyword} ${name}`).toBe('');
    }
    expect(all.map((i) => i.args).join('\n')).not.toMatch(/flp_/);
    const env = Object.fromEntries(of('ENV').flatMap((i) => i.properties.map((p) => [p.name, p.value])));
    expect(env.HOST).toBe('0.0.0.0');
  });

  it('leaves secrets, installed and built folders out of the build context', () => {
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n').map((l) => l.trim());
    for (const entry of ['.git', 'node_modules', 'dist', 'dist-server', '.env', 'deploy/*.env']) expect(ignored).toContain(entry);
  });
});

describe('compose.yaml', () => {
  type Service = { build?: string; image?: string; env_file?: string | string[]; environment?: Record<string, string>; volumes?: string[]; ports?: string[]; depends_on?: unknown };
  const compose = parse(readFileSync('compose.yaml', 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
  const studios = Object.entries(compose.services).filter(([, s]) => s.build === '.');

  it('runs two studios from this Dockerfile, their settings from an env file and their database from the db service', () => {
    expect(studios.map(([name]) => name)).toEqual(['studio1', 'studio2']);
    for (const [, studio] of studios) {
      expect(studio.env_file).toBe('deploy/studio.env');
      expect(studio.environment?.DATABASE_URL).toMatch(/^postgres:\/\/studio:\$\{POSTGRES_PASSWORD:\?[^}]+\}@db:5432\/studio$/);
      // Nothing secret written into the file itself.
      for (const [name, value] of Object.entries(studio.environment ?? {})) if (SECRET_NAME.test(name) && name !== 'DATABASE_URL') expect(value).toBe('');
    }
  });

  it('keeps PostgreSQL 17 on a named volume', () => {
    const db = compose.services.db!;
    expect(db.image).toBe('postgres:17');
    expect(db.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    const volume = db.volumes?.find((v) => v.endsWith(':/var/lib/postgresql/data'))?.split(':')[0];
    expect(volume && volume in compose.volumes).toBe(true);
  });

  it('puts a proxy in front that sends requests round-robin to both studios and checks /readyz', () => {
    const proxy = compose.services.proxy!;
    expect(proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    const caddyfile = readFileSync('deploy/Caddyfile', 'utf8');
    expect(caddyfile).toMatch(/reverse_proxy studio1:8787 studio2:8787 \{/);
    expect(caddyfile).toMatch(/lb_policy round_robin/);
    expect(caddyfile).toMatch(/health_uri \/readyz/);
    expect(caddyfile).toMatch(/respond \/metrics 404/);
  });

  it('ships an example env file with every secret left empty', () => {
    const example = readFileSync('deploy/studio.env.example', 'utf8');
    const values = Object.fromEntries(
      example
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    for (const name of ['FRIENDLI_TOKEN', 'APP_ACCESS_KEY', 'POSTGRES_PASSWORD', 'METRICS_TOKEN']) expect(values[name], name).toBe('');
  });
});
