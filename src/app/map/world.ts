/**
 * The coarse country shapes (world-atlas 1:110m, made compact ahead of time by
 * src/build/world-shapes.ts), fetched as soon as `preloadWorld()` is called — by
 * mountAtlas, when the page's script runs — in parallel with the data and with the MapLibre chunk,
 * instead of after that chunk has loaded. Small on purpose: it is part of the entry chunk. Nothing
 * happens at import; the map's adapter turns the shapes into GeoJSON (countries.ts).
 */
import type { CompactWorld } from './basemap';
import worldUrl from './world/countries-110m.json?url';

export { worldUrl };

let started: Promise<CompactWorld | null> | null = null;

/**
 * Once the shapes are GeoJSON (countries.ts) the compact file is not needed: let it go (kept alive by
 * this module's promise otherwise). A later `preloadWorld()` resolves to null.
 */
export function forgetWorld(): void {
  started = Promise.resolve(null);
}

/** Starts fetching the coarse shapes (once per page); resolves to null when they cannot be fetched here. */
export function preloadWorld(): Promise<CompactWorld | null> {
  started ??=
    typeof fetch === 'function' && typeof location !== 'undefined' && /^(https?|file):$/.test(location.protocol)
      ? fetch(worldUrl)
          .then((r) => (r.ok ? (r.json() as Promise<CompactWorld>) : null))
          .catch(() => null)
      : Promise.resolve(null);
  return started;
}
