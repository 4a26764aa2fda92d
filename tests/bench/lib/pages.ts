import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Where the bench pages are built: served by lib/server-entry.ts as the server's static files. */
export const pagesDist = fileURLToPath(new URL('../.build/pages/', import.meta.url));

/**
 * Bundles tests/bench/pages/index.html (the drain page) with Vite, without the app's config (no PWA plugin, no service
 * worker: the drain page must not be controlled by one), into tests/bench/.build/pages.
 */
export async function buildBenchPages(): Promise<string> {
  rmSync(pagesDist, { recursive: true, force: true });
  await build({
    configFile: false,
    root: fileURLToPath(new URL('../pages/', import.meta.url)),
    logLevel: 'warn',
    build: {
      outDir: pagesDist,
      emptyOutDir: true,
      target: 'es2022',
      // index.html: the server's static handler wants one (it answers 503 without).
      rollupOptions: { input: fileURLToPath(new URL('../pages/index.html', import.meta.url)) },
    },
  });
  return pagesDist;
}
