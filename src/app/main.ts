import { mount } from 'svelte';
import './styles/kiosk.scss';
import App from './App.svelte';
import ConfigError from './kiosk/ConfigError.svelte';
import { initI18n } from './i18n.ts';
import { loadConfig } from './config.ts';
import { registerServiceWorker } from './sw-update.ts';

const target = document.getElementById('app')!;
await initI18n();
try {
  mount(App, { target, props: { config: await loadConfig() } });
} catch (error) {
  console.error(error);
  mount(ConfigError, { target });
}
registerServiceWorker();
