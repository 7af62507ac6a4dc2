/**
 * The page's first module: small on purpose, so it runs as soon as the page is parsed. It starts the
 * requests the first screen needs (its data files and the country shapes) and then loads the app
 * (main.ts), whose code takes the browser a while to compile; the files arrive meanwhile.
 */
import { prefetchFirstScreen } from './data/prefetch';
import { preloadWorld } from './map/world';
import type { AtlasHandle } from './mount';
import { dataBaseOf } from './state/data-folder';

// The single file carries its data inline (present/offline-entry.ts answers the app's fetches).
if (import.meta.env.MODE !== 'single') prefetchFirstScreen(dataBaseOf(location.search));
void preloadWorld();
const app: Promise<AtlasHandle> = import('./main').then((m) => m.handle);

// A read-only hook for browser tests and the benchmark, there from the page's first module on (the app
// itself arrives a moment later): its promises wait for the app.
let handle: AtlasHandle | undefined;
void app.then((h) => (handle = h));
window.__atlas ??= {
  ready: app.then((h) => h.ready),
  get state() {
    return handle!.state;
  },
  mapIdle: () => app.then((h) => h.mapIdle()),
  firstIdle: () => app.then((h) => h.firstIdle()),
  placePoint: (id) => handle?.map()?.screenPoint(id) ?? null,
};
// A data problem is shown on the page; it is not also an unhandled rejection.
window.__atlas.ready.catch(() => {});
