import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SNAPSHOT_FILE } from './src/main/services/app-root';
import { buildContentSnapshot } from './src/main/services/content/snapshot';

/** Vite's dev server injects inline scripts (React refresh); the CSP meta tag applies to built pages only. */
const stripCspInDev: Plugin = {
  name: 'loop-coach:strip-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
};

/**
 * The built-in content parsed and checked once per build, beside the main process: a start then
 * parses only the files changed since (src/main/services/content/snapshot.ts).
 */
const contentSnapshot: Plugin = {
  name: 'loop-coach:content-snapshot',
  apply: 'build',
  async generateBundle() {
    const snapshot = await buildContentSnapshot(resolve(__dirname, 'content'));
    this.emitFile({ type: 'asset', fileName: CONTENT_SNAPSHOT_FILE, source: JSON.stringify(snapshot) });
  },
};

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['zod', 'yaml', 'drizzle-orm'] },
      // better-sqlite3 is a native addon: loaded at run time, never bundled.
      rollupOptions: {
        // web.js is browser mode's server (`npm run web`), built with the main process for a fast start;
        // analysis-worker.js is the speech analysis process both modes start (services/analysis/fork.ts).
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          web: resolve(__dirname, 'src/main/web/cli.ts'),
          'analysis-worker': resolve(__dirname, 'src/main/services/analysis/worker.ts'),
          // live-worker.js listens to a round while it records (services/live/process.ts).
          'live-worker': resolve(__dirname, 'src/main/services/live/worker.ts'),
        },
        external: ['better-sqlite3'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
    plugins: [contentSnapshot],
  },
  preload: {
    // Sandboxed preloads cannot be ES modules.
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // `@shared/…` instead of climbing `../../../../shared` (tsconfig.web.json `paths` for the types).
    resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
    // electron-vite leaves the renderer unminified; minified, React DOM alone is a third of its size,
    // which the first screen downloads and parses before it draws anything.
    build: { minify: true, rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    plugins: [react(), stripCspInDev],
  },
});
