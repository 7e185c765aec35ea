// The server's build (npm run build, after the web build): server/index.ts, the local engine's
// worker and the accounts command (user.js) bundled to plain JS in dist-server/, one flat folder, so the engine finds worker.js beside
// the code that starts it. Packages stay imports (Vite externalises node_modules in an SSR build):
// `npm ci --omit=dev` installs them, sharp's native binary included.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: { index: 'server/index.ts', worker: 'server/local-engine/worker.ts', user: 'server/scripts/user.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
