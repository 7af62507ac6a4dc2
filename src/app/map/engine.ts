/**
 * MapLibre's worker: where its script is (bundlers move it), and starting it early. Nothing happens at
 * import; `startEngine()` does it once, when the map's chunk is asked for.
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let letStart: Promise<void> | null = null;

/**
 * Sets the worker's URL and starts the worker now (fetching and parsing its script), while the country
 * shapes load, rather than when the map is created. Resolves once the worker has been let start, or
 * after 100 ms at most; the map is created after it. The worker's thread starts only when this page's
 * main thread takes the browser's answer to `new Worker` (the script is in), and creating the map at
 * once kept the main thread busy (map set-up, then its first frames) so that the worker started
 * 200-340 ms after `prewarm()` (traces of the bench page); it is the worker that cuts the country
 * shapes into tiles, the longest step before the map's first full frame. The worker's script appearing
 * in resource timing is the sign that the answer has come; one more task lets the start go through. A
 * blob: or data: worker (the single-file build) has no such entry: there, only that one task.
 */
export function startEngine(): Promise<void> {
  if (letStart) return letStart;
  performance.mark('map:module');
  setWorkerUrl(workerUrl);
  prewarm();
  letStart = new Promise<void>((resolve) => {
    let observer: PerformanceObserver | undefined;
    const finish = () => {
      observer?.disconnect();
      clearTimeout(cap);
      setTimeout(resolve, 0);
    };
    const cap = setTimeout(finish, 100);
    try {
      const url = new URL(workerUrl, location.href).href;
      if (!/^https?:/.test(url)) return finish();
      observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => e.name === url)) finish();
      });
      observer.observe({ type: 'resource' });
    } catch {
      // No PerformanceObserver (or no location): the cap alone.
    }
  });
  return letStart;
}
