// The import rule of src/ (src/README.md has it as a table). `npm run check:imports` runs it, and
// `npm test` runs that first. Layers, from the bottom:
//   domain ← config, contract ← forms ← outbox, vault, speech ← app (kiosk, setup, tablet, staff)
//   domain ← config, contract ← forms ← server
// ui is the component kit the apps build on; sw is the service worker over the outbox.
// Type-only imports count: a cycle of types is still two modules that cannot be read apart.

/** Any module of ours (npm packages live in node_modules). */
const OURS = '^src/';
/** Tests may cross layers to check how they meet; the layer rules are about production code. */
const TEST = '\\.test\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing-of-ours',
      comment: 'src/domain holds pure rules; it may use npm packages but no other folder of src.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: TEST },
      to: { path: OURS, pathNot: '^src/domain/' },
    },
    {
      name: 'config-only-domain',
      comment: 'The municipality configuration is read by everyone, so it builds on the domain only.',
      severity: 'error',
      from: { path: '^src/config/', pathNot: TEST },
      to: { path: OURS, pathNot: '^src/(config|domain)/' },
    },
    {
      name: 'contract-only-domain',
      comment: 'The wire contract is shared by devices and the server; it builds on the domain only.',
      severity: 'error',
      from: { path: '^src/contract/', pathNot: TEST },
      to: { path: OURS, pathNot: '^src/(contract|domain)/' },
    },
    {
      name: 'forms-below-devices-and-server',
      comment: 'The form schemas are shared by the app and the server: domain, config and contract only.',
      severity: 'error',
      from: { path: '^src/forms/', pathNot: TEST },
      to: { path: OURS, pathNot: '^src/(forms|domain|config|contract)/' },
    },
    {
      name: 'outbox-no-further-up-than-forms',
      severity: 'error',
      from: { path: '^src/outbox/', pathNot: TEST },
      to: { path: OURS, pathNot: '^src/(outbox|forms|domain|config|contract)/' },
    },
    {
      name: 'vault-no-further-up-than-forms-and-outbox',
      comment: 'The vault seals drafts and sends its rescue copies through the outbox.',
      severity: 'error',
      from: { path: '^src/vault/', pathNot: TEST },
      to: { path: OURS, pathNot: '^src/(vault|outbox|forms|domain|config|contract)/' },
    },
    {
      name: 'speech-no-further-up-than-forms',
      severity: 'error',
      from: { path: '^src/speech/', pathNot: TEST },
      to: { path: OURS, pathNot: '^src/(speech|forms|domain|config|contract)/' },
    },
    {
      name: 'only-the-server-imports-the-server',
      comment: 'Server code (secrets, SQL, Node APIs) never reaches a bundle for the browser.',
      severity: 'error',
      from: { path: OURS, pathNot: ['^src/server/', TEST] },
      to: { path: '^src/server/' },
    },
    {
      name: 'server-not-devices-or-apps',
      comment:
        'The server shares domain, config, contract and forms with the devices, nothing of the device side. ' +
        'TEMPORARY exception: src/server/search/search-params.ts reads the reference format from ' +
        'src/outbox/reference.ts; remove it when that format moves below the outbox (e.g. src/domain).',
      severity: 'error',
      from: { path: '^src/server/', pathNot: '^src/server/search/search-params\\.ts$' },
      to: { path: '^src/(app|ui|outbox|vault|speech|sw)/' },
    },
    {
      name: 'ui-not-apps',
      comment: 'The UI kit takes translated strings as props; it never reaches into an app.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/(app|sw)/' },
    },
    {
      name: 'sw-not-screens',
      comment: 'The service worker has no DOM: no app, UI kit, vault or speech.',
      severity: 'error',
      from: { path: '^src/sw/' },
      to: { path: '^src/(app|ui|vault|speech)/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      comment:
        'kiosk, setup, tablet and staff share src/app/shared and src/app/form-flow, not each other. ' +
        'Allowed: the kiosk opens the set-up screen at /setup (a lazy import of its entry). ' +
        'TEMPORARY exceptions: the tablet uses the kiosk\'s LanguageSwitch, ReadAloudToggle and ' +
        'services.ts; remove them when those move to src/app/shared or src/ui.',
      severity: 'error',
      from: { path: '^src/app/(kiosk|setup|tablet|staff)/' },
      to: {
        path: '^src/app/(kiosk|setup|tablet|staff)/',
        pathNot: [
          '^src/app/$1/',
          '^src/app/setup/SetupScreen\\.svelte$',
          '^src/app/kiosk/(LanguageSwitch/LanguageSwitch\\.svelte|ReadAloudToggle/ReadAloudToggle\\.svelte|services\\.ts)$',
        ],
      },
    },
    {
      name: 'shared-app-code-not-an-app',
      comment: 'src/app/shared and src/app/form-flow serve every app, so they import none of them.',
      severity: 'error',
      from: { path: '^src/app/(shared|form-flow)/' },
      to: { path: '^src/app/(kiosk|setup|tablet|staff)/' },
    },
    {
      name: 'shared-below-form-flow',
      severity: 'error',
      from: { path: '^src/app/shared/' },
      to: { path: '^src/app/form-flow/' },
    },
    {
      name: 'no-test-code-in-production',
      comment: 'Fixtures and helpers for tests live beside the tests; production code never imports them.',
      severity: 'error',
      from: { path: OURS, pathNot: ['\\.test\\.ts$', '/testing\\.ts$', '/fixtures/'] },
      to: { path: ['\\.test\\.ts$', '/testing\\.ts$', '/fixtures/', '^tests/'] },
    },
    {
      name: 'no-circular',
      comment:
        'Allowed: recursive components (a group field renders fields, an answer view renders its ' +
        'nested answers). TEMPORARY exceptions, to remove when the branches that break them are ' +
        'merged: the circles through src/outbox/sync.ts (its events and device report) and through ' +
        'src/server/store/ (the store interface, its schema and migrations).',
      severity: 'error',
      from: {
        path: OURS,
        pathNot: [
          '^src/app/staff/AnswerView/AnswerView\\.svelte$',
          '^src/app/form-flow/fields/(Field|GroupField/GroupField)\\.svelte$',
        ],
      },
      to: {
        circular: true,
        viaOnly: { pathNot: '^src/outbox/sync\\.ts$|^src/server/store/' },
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    // type-only imports are dependencies too (see above)
    tsPreCompilationDeps: true,
  },
};
