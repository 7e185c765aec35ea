// Proves each import boundary in eslint.config.js still fires: a config change that silently drops a
// zone or a rule fails here. Snippets are linted as if they sat at the given path; imports name real files.
import { readdirSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = import.meta.dirname;
const eslint = new ESLint({ cwd: root });
// Loading the config, its plugins and the TypeScript resolver, and the import graph that
// import-x/no-cycle walks (from the web's entry and the server's), is paid once before the tests
// (a cold start took over 20 s under npm run test:busy); each test then times only its own linting.
await eslint.lintText("import '@/main';\nimport '../../server/index';\n", { filePath: `${root}/web/src/warm-up.ts` });

/** A real module in `dir` (relative to the repo), so the test survives files being renamed. */
function anyModule(dir: string): string {
  const name = readdirSync(`${root}/${dir}`).find((f) => /\.tsx?$/.test(f) && !f.includes('.test.'));
  if (!name) throw new Error(`no module in ${dir}`);
  return name.replace(/\.tsx?$/, '');
}

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

async function expectError(filePath: string, code: string, rule: string, message: string) {
  expect(await lint(filePath, code)).toContainEqual({ rule, message: expect.stringContaining(message) });
}

async function expectClean(filePath: string, code: string) {
  expect(await lint(filePath, code)).toEqual([]);
}

const features = readdirSync(`${root}/web/src/features`);
const zone = 'import-x/no-restricted-paths';

describe('web boundaries', () => {
  it.each(features.flatMap((a) => features.filter((b) => b !== a).map((b) => [a, b])))('feature %s never imports feature %s', async (a, b) => {
    // Any module of the other feature, in whichever of its folders holds one (not every feature has utils/).
    const folder = readdirSync(`${root}/web/src/features/${b}`).find((d) => { try { return !!anyModule(`web/src/features/${b}/${d}`); } catch { return false; } });
    const other = `@/features/${b}/${folder}/${anyModule(`web/src/features/${b}/${folder}`)}`;
    await expectError(`web/src/features/${a}/utils/probe.ts`, `import '${other}';\n`, zone, 'Features never import each other');
    await expectClean(`web/src/features/${a}/utils/probe.ts`, `import '@/lib/${anyModule('web/src/lib')}';\n`);
  });

  it.each(['lib', 'components/ui'])('shared web code (%s) never imports features or the app', async (dir) => {
    const file = `web/src/${dir}/probe.ts`;
    await expectError(file, `import '@/features/gallery/utils/${anyModule('web/src/features/gallery/utils')}';\n`, zone, 'Shared web code');
    await expectError(file, `import '@/app/${anyModule('web/src/app')}';\n`, zone, 'Shared web code');
  });

  it('features never import the app', async () => {
    await expectError('web/src/features/generate/utils/probe.ts', `import '@/app/${anyModule('web/src/app')}';\n`, zone, 'Features never import the app');
  });

  it('the browser imports only the contract and the protocol from the server', async () => {
    const file = 'web/src/lib/probe.ts';
    await expectError(file, "import '../../../server/config';\n", zone, 'The browser imports only');
    await expectError(file, "import type { AppType } from '../../../server/app';\nexport type A = AppType;\n", zone, 'The browser imports only');
    await expectClean(file, "import { SEED_MAX } from '../../../server/contract';\nexport const a = SEED_MAX;\n");
  });

  it('the API client takes only the type AppType from the server app', async () => {
    const file = 'web/src/lib/api-client.ts';
    await expectClean(file, "import type { AppType } from '../../../server/app';\nexport type A = AppType;\n");
    await expectError(file, "import { createApp } from '../../../server/app';\nexport const a = createApp;\n", '@typescript-eslint/no-restricted-imports', 'Only the type AppType');
  });

  it('relative imports never climb out of their folder', async () => {
    const message = "through '@/";
    await expectError('web/src/features/gallery/components/probe.tsx', "import '../../../lib/plural';\n", 'no-restricted-imports', message);
    await expectError('web/src/app/probe.tsx', "import '../lib/plural';\n", 'no-restricted-imports', message);
    await expectClean('web/src/features/gallery/components/probe.tsx', "import '../utils/rows';\n");
  });

  it('only the gallery api touches the gallery storage', async () => {
    const db = "import '@/features/gallery/storage/gallery-db';\n";
    for (const file of ['web/src/app/probe.ts', 'web/src/features/gallery/components/probe.tsx', 'web/src/features/gallery/stores/probe.ts', 'web/src/features/gallery/utils/probe.ts', 'web/src/lib/probe.ts']) {
      await expectError(file, db, zone, 'Only web/src/features/gallery/api/ touches');
    }
    await expectClean('web/src/features/gallery/api/probe.ts', db);
  });

  it('reads a store through a selector, never whole', async () => {
    const file = 'web/src/features/gallery/components/probe.tsx';
    const read = (call: string) => `import { useNoticeStore } from '../stores/notice-store';\nexport function A() {\n  const n = ${call};\n  return n ? null : null;\n}\n`;
    await expectError(file, read('useNoticeStore()'), 'no-restricted-syntax', 'Read a store through a selector');
    await expectClean(file, read('useNoticeStore((s) => s.notice)'));
  });

  it('refuses an import circle', async () => {
    // add-entry imports gallery: gallery importing add-entry back closes a circle.
    await expectError('web/src/features/gallery/api/gallery.ts', "import { addEntry } from './add-entry';\nexport const a = addEntry;\n", 'import-x/no-cycle', 'Dependency cycle');
    await expectClean('web/src/features/gallery/api/probe.ts', "import './add-entry';\n");
  });

  it('holds the rules of hooks', async () => {
    const code = "import { useState } from 'react';\nexport function A({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n";
    await expectError('web/src/components/ui/probe.tsx', code, 'react-hooks/rules-of-hooks', 'called conditionally');
  });
});

describe('e2e', () => {
  const spec = (line: string) => `import { test } from '@playwright/test';\ntest('probe', async ({ page }) => {\n  ${line}\n});\n`;

  it('waits on conditions, never the clock', async () => {
    await expectError('e2e/probe.spec.ts', spec('await page.waitForTimeout(300);'), 'playwright/no-wait-for-timeout', 'waitForTimeout');
  });

  it('acts as a user can: no forced actions', async () => {
    await expectError('e2e/probe.spec.ts', spec("await page.getByRole('radio').check({ force: true });"), 'playwright/no-force-option', 'force');
    await expectClean('e2e/probe.spec.ts', spec("await page.getByRole('radio').check();"));
  });
});

describe('server boundaries', () => {
  it('the local engine never imports the Friendli client', async () => {
    await expectError('server/local-engine/probe.ts', `import '../friendli/${anyModule('server/friendli')}';\n`, zone, 'The local engine stands in');
  });

  it.each([
    ['the engine', `../local-engine/${anyModule('server/local-engine')}`],
    ['the routes', `../routes/${anyModule('server/routes')}`],
    ['the app', '../app'],
  ])('the Friendli client never imports %s', async (_what, path) => {
    await expectError('server/friendli/probe.ts', `import '${path}';\n`, zone, 'The Friendli client never imports');
  });

  it('the protocol imports neither the client nor the engine', async () => {
    await expectError('server/protocol/probe.ts', `import '../friendli/${anyModule('server/friendli')}';\n`, zone, 'The protocol is neutral');
    await expectError('server/protocol/probe.ts', `import '../local-engine/${anyModule('server/local-engine')}';\n`, zone, 'The protocol is neutral');
  });

  it('only the contract test may drive both the client and the engine', async () => {
    const engine = `import '../local-engine/${anyModule('server/local-engine')}';\n`;
    await expectClean('server/friendli/contract.test.ts', engine);
    await expectClean('server/protocol/contract.test.ts', `import '../friendli/${anyModule('server/friendli')}';\n${engine}`);
    await expectError('server/friendli/probe.test.ts', engine, zone, 'The Friendli client never imports');
  });

  it('the server never imports browser code', async () => {
    await expectError('server/probe.ts', `import '../web/src/lib/${anyModule('web/src/lib')}';\n`, zone, 'The server never imports browser code');
  });
});
