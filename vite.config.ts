import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { espeakPlugin } from '#speech/build/espeak-plugin.ts';
import { precompressAssets } from '#app/build/precompress-plugin.ts';

// dkfds's package.json exports only its JS; its Sass, fonts and icons are reached through this alias.
const dkfds = fileURLToPath(new URL('./node_modules/dkfds/dist', import.meta.url));

// The speech part is larger than the 512 KiB limit: globbed separately, with its own (test) budget.
const SPEECH_PART = /^assets\/(espeak\.worker-[\w-]+\.js|espeak-ng-[0-9a-f]+\.data)$/;

async function speechPart<T extends { url: string; size: number }>(entries: T[]) {
  return { manifest: entries.filter((e) => e.size <= 512 * 1024 || SPEECH_PART.test(e.url)), warnings: [] as string[] };
}

// The font files the start screen's first paint needs: its text uses all three weights (body 400,
// the tiles' titles and the header's buttons 600, the heading 700), Latin-1 only. Preloaded from
// index.html so that they arrive with the CSS rather than after it, within font-display: optional's
// short wait (src/app/styles/_fonts.scss); a weight left out is drawn in the fallback font for the
// whole of a first visit (seen with 600: the tiles' titles and a header that wrapped).
const FIRST_PAINT_FONTS = /^assets\/IBMPlexSans-(Regular|SemiBold|Bold)-Latin1-[\w-]+\.woff2$/;

/** Adds `<link rel="preload" as="font">` for the built (hashed) font files the first paint needs. */
function preloadFonts(files: RegExp): Plugin {
  return {
    name: 'preload-first-paint-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) =>
        Object.keys(context.bundle ?? {})
          .filter((file) => files.test(file))
          .sort()
          .map((file) => ({ tag: 'link', attrs: { rel: 'preload', href: `/${file}`, as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head' as const })),
    },
  };
}

// One config for the app build and for Vitest. The server (src/server) is not bundled: tsx runs it.
export default defineConfig({
  plugins: [
    svelte(),
    espeakPlugin(),
    preloadFonts(FIRST_PAINT_FONTS),
    precompressAssets(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // The page registers the worker itself (src/app/shared/sw-update.ts) so that an update waits for a reset.
      injectRegister: false,
      manifest: {
        name: 'Borgerservice selvbetjening',
        short_name: 'Borgerservice',
        description: 'Selvbetjening i Borgerservice: digital ID og blanketter uden digital ID.',
        lang: 'da',
        start_url: '/',
        scope: '/',
        display: 'fullscreen',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#3c5c22',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,woff2,svg,png,webmanifest}', 'assets/espeak-ng-*.data'],
        // Icons for install only; the start screen does not need them offline.
        globIgnores: ['**/icon-512.png', '**/icon-maskable-512.png'],
        // Read-aloud's synthesizer (src/speech): its worker with eSpeak NG's WebAssembly inlined, and
        // the Danish and English voice data. About 2 MB, used only when read-aloud is on but precached
        // with the rest so that the kiosk can speak offline; every other file keeps the 512 KiB limit
        // (speechPart below).
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        manifestTransforms: [speechPart],
      },
    }),
  ],
  resolve: { alias: { '@dkfds': dkfds } },
  // In development the sync server (npm run serve) answers the API and the configuration.
  server: { proxy: { '/api': 'http://localhost:8080', '/config.json': 'http://localhost:8080' } },
  build: { target: 'es2022', sourcemap: false, assetsInlineLimit: 0 },
  // The speech worker is an ES module: eSpeak NG's build uses import.meta.
  worker: { format: 'es', plugins: () => [espeakPlugin()] },
  css: {
    preprocessorOptions: {
      scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin', 'if-function'] },
    },
  },
  test: {
    include: ['src/**/*.unit.test.ts', 'tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    // Tests wait for conditions and never time what they test, so these limits only catch a hang;
    // Vitest's 5 s and 10 s were met by a server test that starts its own server on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
