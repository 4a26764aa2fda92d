import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressAssets } from './precompress-plugin.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function writeBundle(bundle: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  const hook = precompressAssets().writeBundle as (options: { dir: string }, bundle: Record<string, unknown>) => void;
  hook({ dir }, bundle);
  return dir;
}

const css = 'main > section { margin: 0 } '.repeat(100);
const js = 'export const lead = "Her kan du få hjælp";\n'.repeat(50);

describe('precompressAssets', () => {
  it('writes Brotli and gzip copies of the hashed text files, identical once decoded', () => {
    const dir = writeBundle({
      'assets/index-abc.css': { type: 'asset', source: css },
      'assets/index-abc.js': { type: 'chunk', code: js },
    });
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets/index-abc.css.br'))).toString()).toBe(css);
    expect(gunzipSync(readFileSync(join(dir, 'assets/index-abc.css.gz'))).toString()).toBe(css);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets/index-abc.js.br'))).toString()).toBe(js);
  });

  it('leaves files that keep their name, binary files and copies that save little alone', () => {
    const dir = writeBundle({
      'index.html': { type: 'asset', source: css },
      'sw.js': { type: 'chunk', code: js },
      'assets/font-abc.woff2': { type: 'asset', source: new Uint8Array(2000) },
      'assets/tiny-abc.svg': { type: 'asset', source: '<svg/>' },
    });
    for (const file of ['index.html.br', 'sw.js.gz', 'assets/font-abc.woff2.br', 'assets/tiny-abc.svg.br', 'assets/tiny-abc.svg.gz']) {
      expect(existsSync(join(dir, file)), file).toBe(false);
    }
  });
});
