/**
 * Runs inside the page before the app (playwright addInitScript). It records, without touching the
 * app's code:
 * - every map repaint: MapLibre clears its WebGL2 canvas once at the start of each frame it draws,
 *   so a wrapped `clear` on the `.maplibregl-canvas` context gives the time of each repaint, and a
 *   microtask queued there gives the JavaScript part of that repaint (the rest is GPU/SwiftShader).
 *   The city discs' 2D canvas over the map (.atlas-discs) is not a WebGL context, so its redraws are
 *   not counted here; the app times each of them as a performance measure `map:discs`;
 * - animation frames on demand (for drag smoothness and play fps);
 * - Content-Security-Policy violations.
 */
export interface BenchProbe {
  repaints: number[];
  repaintJs: number[];
  frames: number[];
  recording: boolean;
  violations: string[];
  startFrames(): void;
  stopFrames(): number[];
}

/**
 * Plain JavaScript source, not a function: tsx (esbuild keepNames) would wrap named inner functions
 * in a `__name` helper that does not exist in the page.
 */
export const INSTRUMENT = `(() => {
  const probe = {
    repaints: [],
    repaintJs: [],
    frames: [],
    recording: false,
    violations: [],
    startFrames() {
      probe.frames = [];
      probe.recording = true;
      const tick = (t) => {
        if (!probe.recording) return;
        probe.frames.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stopFrames() {
      probe.recording = false;
      return probe.frames;
    },
  };
  window.__bench = probe;
  const proto = WebGL2RenderingContext.prototype;
  const clear = proto.clear;
  proto.clear = function (mask) {
    const canvas = this.canvas;
    if (canvas && canvas.classList && canvas.classList.contains('maplibregl-canvas')) {
      const t0 = performance.now();
      // One clear per frame: only the first clear of a task counts as a new repaint.
      const last = probe.repaints[probe.repaints.length - 1];
      if (last === undefined || t0 - last > 4) {
        probe.repaints.push(t0);
        queueMicrotask(() => probe.repaintJs.push(performance.now() - t0));
      }
    }
    return clear.call(this, mask);
  };
  document.addEventListener('securitypolicyviolation', (e) => {
    // Where it came from (script file, line, column), so a violation can be traced to its code.
    probe.violations.push(e.violatedDirective + ': ' + e.blockedURI + ' at ' + (e.sourceFile || '?') + ':' + e.lineNumber + ':' + e.columnNumber);
  });
})();`;
