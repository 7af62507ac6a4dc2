import { mountAtlas } from './mount';

const handle = mountAtlas(document.getElementById('app')!);
// A read-only hook for browser tests and the benchmark (see /tmp/sco/coord.md, "app interfaces").
window.__atlas ??= {
  ready: handle.ready,
  state: handle.state,
  mapIdle: handle.mapIdle,
  firstIdle: handle.firstIdle,
  placePoint: (id) => handle.map()?.screenPoint(id) ?? null,
};
void handle.data.then((d) => window.__atlas && (window.__atlas.data = d)).catch(() => {});
// A data problem is shown on the page (App's notice names the file); it is not also an unhandled rejection.
handle.ready.catch(() => {});
