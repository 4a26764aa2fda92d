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

const BELOW_FORMS = ['domain', 'config', 'contract'];

/** Production code of src/<name> imports nothing of ours but itself and the `allowed` layers. */
function layer(name, allowed, ruleName, comment = '') {
  return {
    name: ruleName,
    comment,
    severity: 'error',
    from: { path: `^src/${name}/`, pathNot: TEST },
    to: { path: OURS, pathNot: `^src/(${[name, ...allowed].join('|')})/` },
  };
}

/** Nothing under `from` imports anything under `to` (both path patterns). */
function never(ruleName, from, to, comment = '') {
  return { name: ruleName, comment, severity: 'error', from: { path: from }, to: { path: to } };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    layer('domain', [], 'domain-imports-nothing-of-ours',
      'src/domain holds pure rules; it may use npm packages but no other folder of src.'),
    layer('config', ['domain'], 'config-only-domain',
      'The municipality configuration is read by everyone, so it builds on the domain only.'),
    layer('contract', ['domain'], 'contract-only-domain',
      'The wire contract is shared by devices and the server; it builds on the domain only.'),
    layer('forms', BELOW_FORMS, 'forms-below-devices-and-server',
      'The form schemas are shared by the app and the server: domain, config and contract only.'),
    layer('outbox', ['forms', ...BELOW_FORMS], 'outbox-no-further-up-than-forms'),
    layer('vault', ['outbox', 'forms', ...BELOW_FORMS], 'vault-no-further-up-than-forms-and-outbox',
      'The vault seals drafts and sends its rescue copies through the outbox.'),
    layer('speech', ['forms', ...BELOW_FORMS], 'speech-no-further-up-than-forms'),
    {
      name: 'only-the-server-imports-the-server',
      comment: 'Server code (secrets, SQL, Node APIs) never reaches a bundle for the browser.',
      severity: 'error',
      from: { path: OURS, pathNot: ['^src/server/', TEST] },
      to: { path: '^src/server/' },
    },
    never('server-not-devices-or-apps', '^src/server/', '^src/(app|ui|outbox|vault|speech|sw)/',
      'The server shares domain, config, contract and forms with the devices, nothing of the device side.'),
    never('ui-not-apps', '^src/ui/', '^src/(app|sw)/',
      'The UI kit takes translated strings as props; it never reaches into an app.'),
    never('sw-not-screens', '^src/sw/', '^src/(app|ui|vault|speech)/',
      'The service worker has no DOM: no app, UI kit, vault or speech.'),
    {
      name: 'apps-do-not-import-each-other',
      comment:
        'kiosk, setup, tablet and staff share src/app/shared and src/app/form-flow, not each other. ' +
        'Allowed: the kiosk opens the set-up screen at /setup (a lazy import of its entry).',
      severity: 'error',
      from: { path: '^src/app/(kiosk|setup|tablet|staff)/' },
      to: {
        path: '^src/app/(kiosk|setup|tablet|staff)/',
        pathNot: [
          '^src/app/$1/',
          '^src/app/setup/SetupScreen\\.svelte$',
        ],
      },
    },
    never('shared-app-code-not-an-app', '^src/app/(shared|form-flow)/', '^src/app/(kiosk|setup|tablet|staff)/',
      'src/app/shared and src/app/form-flow serve every app, so they import none of them.'),
    never('shared-below-form-flow', '^src/app/shared/', '^src/app/form-flow/'),
    {
      name: 'no-test-code-in-production',
      comment: 'Fixtures and helpers for tests live beside the tests; production code never imports them.',
      severity: 'error',
      from: { path: OURS, pathNot: ['\\.test\\.ts$', '/testing\\.ts$', '\\.fixtures\\.ts$', '/fixtures/'] },
      to: { path: ['\\.test\\.ts$', '/testing\\.ts$', '\\.fixtures\\.ts$', '/fixtures/', '^tests/'] },
    },
    {
      name: 'no-circular',
      comment:
        'No module may load itself again through what it imports. Type-only imports may point back ' +
        '(a table module names the Database it belongs to): they vanish when compiled. Allowed: ' +
        'recursive components (a group field renders fields, an answer view renders its nested answers).',
      severity: 'error',
      from: {
        path: OURS,
        pathNot: [
          '^src/app/staff/AnswerView/AnswerView\\.svelte$',
          '^src/app/form-flow/fields/(Field|GroupField/GroupField)\\.svelte$',
        ],
      },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    // type-only imports are dependencies too: the layer rules hold for them as well
    tsPreCompilationDeps: true,
  },
};
