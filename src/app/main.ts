import { mount } from 'svelte';
import './styles/kiosk.scss';
import App from './App.svelte';
import ConfigError from './kiosk/ConfigError.svelte';
import { initI18n, loadAllNamespaces } from './i18n.ts';
import { loadConfig } from './config.ts';
import { registerServiceWorker } from './sw-update.ts';

const target = document.getElementById('app')!;
await initI18n();

// The caseworkers' back office shares the origin (the CSP allows nothing else) but none of the
// kiosk's code: it is loaded only on its own paths, so the kiosk's start screen never pays for it.
if (location.pathname === '/staff' || location.pathname.startsWith('/staff/')) {
  const [{ mountStaff }] = await Promise.all([import('./staff/mount.ts'), loadAllNamespaces()]);
  mountStaff(target);
} else {
  try {
    mount(App, { target, props: { config: await loadConfig() } });
  } catch (error) {
    console.error(error);
    mount(ConfigError, { target });
  }
}
registerServiceWorker();
