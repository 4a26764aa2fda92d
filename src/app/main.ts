import { mount } from 'svelte';
import '#app/styles/kiosk.scss';
import App from '#app/kiosk/KioskApp.svelte';
import { loadAllNamespaces, translator } from '#app/shared/i18n.ts';
import { session } from '#app/shared/session.svelte.ts';
import { loadConfig } from '#app/shared/config.ts';
import { registerServiceWorker } from '#app/shared/sw-update.ts';
import { readDeviceStatus, type DeviceStatus } from '#outbox/device-status.ts';

const target = document.getElementById('app')!;
session.translator = translator;

/** Shown only when the configuration cannot be read at all; its code is not the start screen's. */
async function showConfigError(): Promise<void> {
  const { default: ConfigError } = await import('#app/kiosk/ConfigError/ConfigError.svelte');
  mount(ConfigError, { target });
}

const isTabletPath = (path: string) => path === '/tablet' || path.startsWith('/tablet/');

/** What the device knows of itself; undefined without IndexedDB (the start screen says what it can). */
async function deviceStatus(): Promise<DeviceStatus | undefined> {
  try {
    return await readDeviceStatus();
  } catch {
    return undefined;
  }
}

// Read before the start screen's first paint: a device enrolled as a staff tablet opens in staff
// mode, and the start screen shows its not-enrolled notice in its first paint rather than pushing
// the screen down a moment later.
const onStart = location.pathname === '/' || location.pathname === '/index.html';
// The configuration is fetched meanwhile (index.html preloads it): the start screen waits for both.
const startConfig = onStart ? loadConfig() : undefined;
startConfig?.catch(() => {}); // awaited below; its error is handled there
const device = onStart ? await deviceStatus() : undefined;
if (device?.kind === 'tablet') history.replaceState(null, '', '/tablet');

// The caseworkers' back office shares the origin (the CSP allows nothing else) but none of the
// kiosk's code: it is loaded only on its own paths, so the kiosk's start screen never pays for it.
if (location.pathname === '/staff' || location.pathname.startsWith('/staff/')) {
  const [{ mountStaff }] = await Promise.all([import('#app/staff/mount.ts'), loadAllNamespaces()]);
  mountStaff(target);
} else if (isTabletPath(location.pathname)) {
  // Staff mode on a tablet, like the back office: its own chunk, loaded only on its own paths.
  try {
    const [{ mountTablet }, config] = await Promise.all([import('#app/tablet/tablet-mode.ts'), startConfig ?? loadConfig(), loadAllNamespaces()]);
    mountTablet(target, config);
  } catch (error) {
    console.error(error);
    await showConfigError();
  }
} else {
  try {
    mount(App, { target, props: { config: await (startConfig ?? loadConfig()), enrolled: device?.enrolled } });
  } catch (error) {
    console.error(error);
    await showConfigError();
  }
}
registerServiceWorker();
