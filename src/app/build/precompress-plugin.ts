import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every text file under `assets/`, which the
 * server sends to a browser that accepts them (src/server/http/static.ts). The start screen's
 * stylesheet is ~145 KB as written and ~22 KB in gzip: on a tablet's mobile connection the
 * difference is most of the time to first paint, and a proxy in front may not compress.
 *
 * Only the content-hashed files under `assets/`: their names change with their content, so a copy
 * can never be older than its file. Files that keep their name (index.html, sw.js, the manifest)
 * are served as written, so replacing one never leaves a stale compressed copy behind.
 */
const TEXT = /\.(js|css|svg|json|webmanifest)$/;
/** A copy that saves less than this share is not worth a second file. */
const MIN_SAVING = 0.1;

export function precompressAssets(): Plugin {
  return {
    name: 'precompress-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) return;
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!fileName.startsWith('assets/') || !TEXT.test(fileName)) continue;
        const source = output.type === 'chunk' ? Buffer.from(output.code) : Buffer.from(output.source);
        const copies = {
          br: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
          gz: gzipSync(source, { level: 9 }),
        };
        for (const [extension, copy] of Object.entries(copies)) {
          if (copy.length <= source.length * (1 - MIN_SAVING)) writeFileSync(join(dir, `${fileName}.${extension}`), copy);
        }
      }
    },
  };
}
