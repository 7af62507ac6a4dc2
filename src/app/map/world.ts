/**
 * Starts fetching the coarse country shapes as soon as the page's script runs (this small module is
 * part of the entry chunk), in parallel with the data and with the MapLibre chunk, instead of after
 * that chunk has loaded. The adapter turns them into GeoJSON.
 */
import type { Topology } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-110m.json?url';

export { worldUrl };

export const worldTopology: Promise<Topology | null> =
  typeof fetch === 'function' && typeof location !== 'undefined' && /^(https?|file):$/.test(location.protocol)
    ? fetch(worldUrl)
        .then((r) => (r.ok ? (r.json() as Promise<Topology>) : null))
        .catch(() => null)
    : Promise.resolve(null);
