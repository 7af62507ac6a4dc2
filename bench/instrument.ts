/**
 * Runs inside the page before the app (playwright addInitScript). It records, without touching the
 * app's code:
 * - every map repaint: MapLibre clears its WebGL2 canvas once at the start of each frame it draws,
 *   so a wrapped `clear` on the `.maplibregl-canvas` context gives the time of each repaint, and a
 *   microtask queued there gives the JavaScript part of that repaint (the rest is GPU/SwiftShader);
 * - animation frames on demand (for drag smoothness and play fps);
 * - Content-Security-Policy violations.
 * It is a plain function so playwright can serialise it; it must not close over anything.
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

export function instrument(): void {
  const probe: BenchProbe = {
    repaints: [],
    repaintJs: [],
    frames: [],
    recording: false,
    violations: [],
    startFrames() {
      probe.frames = [];
      probe.recording = true;
      const tick = (t: number) => {
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
  (window as unknown as { __bench: BenchProbe }).__bench = probe;
  const proto = WebGL2RenderingContext.prototype;
  const clear = proto.clear;
  proto.clear = function (this: WebGL2RenderingContext, mask: number) {
    const canvas = this.canvas as HTMLCanvasElement;
    if (canvas.classList?.contains('maplibregl-canvas')) {
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
    probe.violations.push(`${e.violatedDirective}: ${e.blockedURI}`);
  });
}
