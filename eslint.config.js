// Lint that holds the layout: typescript-eslint, React's hook rules, and the import boundaries the
// architecture relies on (features apart, shared code below them, browser and server apart, the
// local engine and the Friendli client apart). eslint.config.test.ts proves every zone still fires.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import playwright from 'eslint-plugin-playwright';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Read from disk so that a new feature folder is kept apart from the others without editing this.
const features = readdirSync(`${import.meta.dirname}/web/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// The gallery's storage has one gateway: its api/ (react-query reads, the writes that keep the list in
// step). Every other folder, in the gallery or outside it, goes through api/.
const galleryDirs = readdirSync(`${import.meta.dirname}/web/src/features/gallery`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !['api', 'storage'].includes(entry.name))
  .map((entry) => entry.name);
const storageMessage = 'Only web/src/features/gallery/api/ touches the gallery’s storage/: go through the api.';
const storageZones = [
  {
    target: ['web/src/app', 'web/src/lib', 'web/src/components', 'web/src/main.tsx', ...galleryDirs.map((d) => `web/src/features/gallery/${d}`)],
    from: 'web/src/features/gallery/storage',
    message: storageMessage,
  },
];

/** The browser may use the shared protocol and contract; `extra` widens that for one file. */
const webZones = (extraServerImports = []) => [
  ...storageZones,
  ...features.map((feature) => ({
    target: `web/src/features/${feature}`,
    from: 'web/src/features',
    except: [`./${feature}`],
    message: 'Features never import each other: let web/src/app wire them together (e.g. a callback).',
  })),
  {
    target: ['web/src/lib', 'web/src/components'],
    from: ['web/src/features', 'web/src/app'],
    message: 'Shared web code (lib, components) never imports features or the app.',
  },
  {
    target: 'web/src/features',
    from: 'web/src/app',
    message: 'Features never import the app: the app composes them.',
  },
  {
    target: 'web',
    from: 'server',
    except: ['./contract.ts', './protocol', ...extraServerImports],
    message: 'The browser imports only server/contract.ts and server/protocol/ from the server.',
  },
];

const serverToWeb = {
  target: 'server',
  from: 'web',
  message: 'The server never imports browser code.',
};

const zones = (extraServerImports = []) => [
  ...webZones(extraServerImports),
  serverToWeb,
  {
    target: 'server/local-engine',
    from: 'server/friendli',
    message: 'The local engine stands in for the Friendli client: it never imports it (share through server/protocol/).',
  },
  {
    target: 'server/friendli',
    from: ['server/local-engine', 'server/routes', 'server/app.ts'],
    message: 'The Friendli client never imports the local engine or the routes.',
  },
  {
    target: 'server/protocol',
    from: ['server/friendli', 'server/local-engine', 'server/routes', 'server/app.ts'],
    message: 'The protocol is neutral: it imports neither the client, the engine nor the routes.',
  },
];

/** `useXStore()` with no selector: a zustand store read whole. */
const wholeStore = {
  selector: 'CallExpression[callee.name=/^use[A-Z]\\w*Store$/][arguments.length=0]',
  message: 'Read a store through a selector (useXStore((s) => s.field)); called bare it re-renders on every change.',
};

// Relative imports stay inside their folder; anything further goes through `@/` (web/src), so a
// file reads the same wherever it sits. Server imports are the zones' business, so they are exempt.
const climbOut = (dots) => ({
  regex: `^${dots}(?!(?:\\.\\./)*server/)`,
  message: "Import from outside this folder through '@/…' (web/src), not a relative path.",
});

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    settings: {
      // import-x reads only the files these name (no-cycle follows imports through them).
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: zones() }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // hc<AppType>() needs the routes' types; a type-only import is erased from the bundle.
    files: ['web/src/lib/api-client.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: zones(['./app.ts']) }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: 'server/app$', allowTypeImports: true, message: 'Only the type AppType.' }] },
      ],
    },
  },
  {
    // The one test that holds the client and the engine to the same protocol description: it
    // drives both, wherever it sits (beside the client today, in server/protocol/ after the move).
    files: ['server/*/contract.test.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...webZones(), serverToWeb] }] },
  },
  {
    // No import circle anywhere: each module reads as a layer over what it imports.
    files: ['server/**/*.ts', 'web/**/*.{ts,tsx}'],
    rules: { 'import-x/no-cycle': 'error' },
  },
  { files: ['web/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    // A store is read through a selector: called bare, it re-renders its reader on every change of any field.
    files: ['web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', wholeStore] },
  },
  {
    // e2e waits on conditions, never on the clock, and acts as a user can (no forced clicks).
    files: ['e2e/**/*.ts'],
    plugins: { playwright },
    rules: { 'playwright/no-wait-for-timeout': 'error', 'playwright/no-force-option': 'error' },
  },
  {
    files: ['web/src/features/**/*.{ts,tsx}', 'web/src/components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbOut('\\.\\./\\.\\./')] }] },
  },
  {
    files: ['web/src/app/**/*.{ts,tsx}', 'web/src/lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbOut('\\.\\./')] }] },
  },
);
