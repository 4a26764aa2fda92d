// The import rule (.dependency-cruiser.cjs) holds on the real tree and fails a reverse import.
// Each case runs dependency-cruiser's own command line on the real configuration, as
// `npm run check:imports` does; the reverse imports are written as short-lived files under src/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'node_modules/.bin/depcruise');
const written: string[] = [];

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(targets: string[], config = '.dependency-cruiser.cjs'): Violation[] {
  const run = spawnSync(bin, [...targets, '--config', config, '--output-type', 'json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (!run.stdout) throw new Error(run.stderr);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

/** A file under src/ that lives only for this test (a unique name, removed after it). */
function scratch(folder: string, text: string): string {
  const path = `src/${folder}/zz-import-rule-${process.pid}-${written.length}.ts`;
  mkdirSync(join(root, dirname(path)), { recursive: true });
  writeFileSync(join(root, path), text);
  written.push(path);
  return path;
}

afterEach(() => {
  for (const path of written.splice(0)) rmSync(join(root, path), { force: true });
});

const names = (violations: Violation[]) => violations.map((v) => v.rule.name).sort();

describe('the import rule', () => {
  it('holds on the tree as it is', () => {
    expect(cruise(['src'])).toEqual([]);
  }, 120_000);

  it('holds for the start screen: no static path from src/app/main.ts to Dexie', () => {
    expect(cruise(['src/app/main.ts'], '.dependency-cruiser.start-screen.cjs')).toEqual([]);
  }, 120_000);

  it('fails the domain importing the server', () => {
    const file = scratch('domain', "import '#server/main.ts';\n");
    const violations = cruise([file]);
    expect(names(violations)).toEqual(['domain-imports-nothing-of-ours', 'only-the-server-imports-the-server']);
    expect(violations[0]).toMatchObject({ from: file, to: 'src/server/main.ts' });
  }, 120_000);

  it('fails the forms importing the outbox, and config importing forms', () => {
    expect(names(cruise([scratch('forms', "import '#outbox/backoff.ts';\n")]))).toEqual([
      'forms-below-devices-and-server',
    ]);
    expect(names(cruise([scratch('config', "import '#forms/registry.ts';\n")]))).toEqual(['config-only-domain']);
  }, 120_000);

  it('fails one app importing another app\'s internals', () => {
    const file = scratch('app/setup', "import '#app/staff/mount.ts';\n");
    expect(names(cruise([file]))).toEqual(['apps-do-not-import-each-other']);
  }, 120_000);

  it('fails a static path to Dexie from the entry (the start-screen rule, from a stand-in entry)', () => {
    const entry = scratch('app/shared', "import '#outbox/db.ts';\n");
    const lazy = scratch('app/shared', "export const load = () => import('#outbox/db.ts');\n");
    const config = `.zz-start-screen-${process.pid}.cjs`;
    writeFileSync(
      join(root, config),
      `const real = require('./.dependency-cruiser.start-screen.cjs');
const entry = '^(${entry}|${lazy})$'.replaceAll('.', '\\\\.');
module.exports = { ...real, forbidden: real.forbidden.map((rule) => ({ ...rule, from: { path: entry } })) };
`,
    );
    written.push(config);
    const violations = cruise([entry, lazy], config);
    expect(violations.map((v) => [v.rule.name, v.from])).toEqual([['start-screen-never-loads-dexie', entry]]);
  }, 120_000);

  it('fails a circle of imports', () => {
    const a = scratch('domain', '');
    const b = scratch('domain', `import './${a.split('/').pop()}';\n`);
    writeFileSync(join(root, a), `import './${b.split('/').pop()}';\n`);
    expect(new Set(names(cruise([a])))).toEqual(new Set(['no-circular']));
  }, 120_000);
});
