/**
 * The built site's root page (index.html): the app, and the service worker that precaches every
 * built file so the whole app works offline after one visit. A new version is announced in the
 * app with a "Reload" button (`offerUpdate`); it never takes over an open page by itself
 * (no skipWaiting): the page keeps working on its version until the user reloads.
 */
import '../../components/mrr-app/define.js';
import type { MrrApp } from '../../components/mrr-app/mrr-app.js';

const app = document.querySelector('mrr-app') as MrrApp;
// `mrrApp.exportWorkspace()` / `mrrApp.importWorkspace(blob, { mode })` (README "The app").
(window as Window & { mrrApp?: MrrApp }).mrrApp = app;

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  void import('virtual:pwa-register').then(({ registerSW }) => {
    const update = registerSW({
      immediate: true,
      onNeedRefresh: () =>
        app.offerUpdate(() => {
          // update(true) reloads once the new worker controls the page only when the page was
          // already controlled as it loaded; a page from a first visit reloads here.
          navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
          void update(true);
        }),
    });
  });
}
