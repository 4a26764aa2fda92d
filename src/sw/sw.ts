/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { clientsClaim } from 'workbox-core';
import { installOutboxSync } from '#outbox/sw-sync.ts';

declare const self: ServiceWorkerGlobalScope;

// The app shell, CSS, fonts and icons: everything the kiosk needs to start with the network cut.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every navigation (including deep links) gets the app shell; the API is never answered from cache.
// The back office is online only and its pages carry their own Permissions-Policy (the camera, for
// scanning a receipt's QR code), so its navigations go to the server.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/staff(\/|$)/] }));

// The municipality configuration changes without a new build: fresh when online, cached offline.
const CONFIG_CACHE = 'municipality-config';
registerRoute(({ url }) => url.origin === self.location.origin && url.pathname === '/config.json',
  new NetworkFirst({ cacheName: CONFIG_CACHE, networkTimeoutSeconds: 4 }));

self.addEventListener('install', (event) => {
  // Fetch the configuration now: on a first visit the page asked for it before this worker existed.
  event.waitUntil(caches.open(CONFIG_CACHE).then((cache) => cache.add('/config.json')).catch(() => undefined));
});

// A new version waits until the page asks for it, which the kiosk does only at a reset. The page
// first wakes the old worker with WAKE, so that Chromium can swap it out at once (src/app/shared/sw-update.ts).
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (event.data?.type === 'WAKE') event.ports[0]?.postMessage('awake');
});

// Background Sync and page requests upload the outbox from here, under the pages' Web Lock.
installOutboxSync(self);

// The first version takes control at once, so that a kiosk works offline after its first visit.
clientsClaim();
