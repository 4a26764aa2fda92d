// The start screen's lazy-loading rule, checked by `npm run check:imports` after the import rule.
// The kiosk's first screen must stay small and start without IndexedDB: Dexie (and the outbox
// database over it) is loaded only when something is queued or read. So nothing reachable from the
// entry src/app/main.ts through static imports may import dexie; dynamic `import()` may lead there.
// dependency-cruiser's reachability follows every import, so this check cruises without the dynamic
// ones (options.exclude.dynamic), which is why it is a config of its own.
const { options } = require('./.dependency-cruiser.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'start-screen-never-loads-dexie',
      severity: 'error',
      from: { path: '^src/app/main\\.ts$' },
      to: { path: '^node_modules/dexie/', reachable: true },
    },
  ],
  // Type-only imports load nothing at run time, so only what the browser runs counts here.
  options: { ...options, tsPreCompilationDeps: false, exclude: { dynamic: true } },
};
