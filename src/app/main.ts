import { mountAtlas } from './mount';

/** The page's atlas (boot.ts hands it to the tests' window hook). */
export const handle = mountAtlas(document.getElementById('app')!);
void handle.data.then((d) => window.__atlas && (window.__atlas.data = d)).catch(() => {});
// A data problem is shown on the page (App's notice names the file); it is not also an unhandled rejection.
handle.ready.catch(() => {});
