/**
 * The service worker of the installable app (issue 18, item 1; packages/web/pwa.config.ts), registered
 * through workbox-window. This module is imported lazily by the signed-in shell (app/shell.tsx), never by
 * the sign-in page: neither it nor workbox-window adds to the sign-in page's JavaScript (issue 14).
 *
 * Updates are offered, not forced (registerType 'prompt'): when a new worker is installed and waiting,
 * `onUpdate` receives a `reload` that lets it take over and reloads the page once it controls it.
 */
import { Workbox } from 'workbox-window';

export const SERVICE_WORKER_URL = '/sw.js';

/** How often an open tab asks whether a new version was deployed (the browser also asks on each load). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let registered: Promise<ServiceWorkerRegistration | undefined> | null = null;

/**
 * Registers the worker once per page; later calls return the first registration. Without service
 * workers (an old browser, a private window that refuses them) the app simply works online only.
 */
export function registerServiceWorker(
  onUpdate: (reload: () => void) => void,
): Promise<ServiceWorkerRegistration | undefined> {
  if (registered) return registered;
  if (!('serviceWorker' in navigator)) {
    registered = Promise.resolve(undefined);
    return registered;
  }
  const workbox = new Workbox(SERVICE_WORKER_URL, { scope: '/' });
  workbox.addEventListener('waiting', () => {
    onUpdate(() => {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    });
  });
  registered = workbox.register().then(
    (registration) => {
      if (registration) {
        window.setInterval(() => {
          if (navigator.onLine) void registration.update().catch(() => undefined);
        }, UPDATE_CHECK_MS);
      }
      return registration;
    },
    // A refused registration (blocked by the browser, no network on the very first visit) leaves the
    // app as it was: online only.
    () => undefined,
  );
  return registered;
}
