import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { trimEspeak } from './espeak-trim.ts';

/**
 * `import espeak, { dataUrl } from 'virtual:espeak-ng'` gives the speech worker eSpeak NG (its
 * WebAssembly is inlined in the JavaScript) with the voice data cut to Danish and English, and the
 * URL of that data, emitted as assets/espeak-ng-<hash>.data so that the service worker precaches it.
 */
const ID = 'virtual:espeak-ng';
const RESOLVED = '\0' + ID;
const LANGUAGES = ['da', 'en'];

function packageFile(name: string): string {
  return fileURLToPath(new URL(`../../../node_modules/@echogarden/espeak-ng-emscripten/${name}`, import.meta.url));
}

export function espeakPlugin(): Plugin {
  let trimmed: { js: string; data: Uint8Array; fileName: string } | undefined;
  const build = () => {
    if (trimmed) return trimmed;
    const { js, data } = trimEspeak(readFileSync(packageFile('espeak-ng.js'), 'utf8'), readFileSync(packageFile('espeak-ng.data')), LANGUAGES);
    const hash = createHash('sha256').update(data).digest('hex').slice(0, 10);
    // The browser build never takes Node's branch; without this the bundler would look for `module`.
    const browserJs = js.replace('const{createRequire}=await import("module");', 'const createRequire=undefined;');
    trimmed = { js: browserJs, data, fileName: `assets/espeak-ng-${hash}.data` };
    return trimmed;
  };
  return {
    name: 'espeak-ng',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const { js, data, fileName } = build();
      if (this.meta.watchMode === false) this.emitFile({ type: 'asset', fileName, source: data });
      return `${js}\nexport const dataUrl = ${JSON.stringify('/' + fileName)};\n`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const { data, fileName } = build();
        if (req.url !== '/' + fileName) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(data);
      });
    },
  };
}
