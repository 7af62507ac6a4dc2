/**
 * The 2D map in the page: a layer of three canvases (the base: sea, countries, summit path; the
 * country and sea names; over them the city discs) and the city labels as HTML, laid over the map's container, with its own zoom buttons
 * and gestures. It draws in animation frames, only what changed: a camera move redraws both canvases,
 * a new window only the discs. The adapter (adapter2d.ts) feeds it the app's state; this module knows
 * only cameras, scenes and pixels.
 */
import { getLocale, t } from '../../i18n';
import { drawNames, nameMeasure, namePoints, placeNames, sameNames, type NameBox, type PlacedName } from '../country-labels';
import { Discs, type DiscView } from '../discs';
import { drawBase, forgetShapes, type BaseScene } from './base';
import { constrain, viewOf, type Camera } from './camera';
import { attachGestures } from './gestures';

export interface LayerOptions {
  container: HTMLElement;
  camera: Camera;
  cooperative?: boolean;
  /** A user gesture moved the camera; `end` once it stopped. */
  onMove(cam: Camera, end: boolean): void;
  onClick(x: number, y: number): void;
  onHover(p: { x: number; y: number } | null): void;
  /** The container changed size (after the first size). */
  onResize?(): void;
  /** After each frame that drew something. */
  onDrawn?(): void;
}

/** The country shapes' source, as on the MapLibre map. */
export const ATTRIBUTION = 'Country shapes: Natural Earth (world-atlas)';

const CSS = `
.atlas-map2d{position:absolute;inset:0;overflow:hidden;background:#d7e3ea;touch-action:none;user-select:none;-webkit-user-select:none}
.atlas-map2d.cooperative{touch-action:pan-x pan-y}
.atlas-map2d canvas{position:absolute;left:0;top:0}
.atlas-map2d-zoom{position:absolute;top:10px;right:10px;display:flex;flex-direction:column;background:#fff;border-radius:4px;box-shadow:0 0 0 2px rgb(0 0 0/.1)}
.atlas-map2d-zoom button{width:29px;height:29px;border:0;background:none;font:600 18px/1 system-ui,sans-serif;color:#333;cursor:pointer;padding:0}
.atlas-map2d-zoom button+button{border-top:1px solid #ddd}
.atlas-map2d-zoom button:focus-visible{outline:3px solid #1d4ed8}
.atlas-map2d-note{position:absolute;right:6px;bottom:4px;margin:0;font:11px/1.3 system-ui,sans-serif;color:#374151;background:rgb(255 255 255/.8);padding:1px 5px;border-radius:3px;pointer-events:none}
.atlas-map2d-quiet{position:absolute;right:10px;top:76px;max-width:min(40%,22rem);margin:0;font:12px/1.35 system-ui,sans-serif;color:#1f2937;background:rgb(255 255 255/.88);padding:3px 7px;border-radius:4px;text-align:right;pointer-events:none}
`;

function ensureCss(): void {
  if (document.getElementById('atlas-map2d-css')) return;
  const style = document.createElement('style');
  style.id = 'atlas-map2d-css';
  style.textContent = CSS;
  document.head.append(style);
}

export function createLayer(o: LayerOptions) {
  ensureCss();
  const root = document.createElement('div');
  root.className = 'atlas-map2d';
  if (o.cooperative) root.classList.add('cooperative');
  root.dataset['testid'] = 'map2d';
  const base = document.createElement('canvas');
  base.className = 'atlas-map2d-base';
  // Country and sea names between the shapes and the discs, as on the MapLibre map (name-layer.svelte.ts).
  const namesCanvas = document.createElement('canvas');
  namesCanvas.className = 'atlas-names';
  const discCanvas = document.createElement('canvas');
  discCanvas.className = 'atlas-discs';
  const canvases = [base, namesCanvas, discCanvas];
  for (const c of canvases) c.setAttribute('aria-hidden', 'true');
  root.append(...canvases);
  o.container.append(root);
  const baseCtx = base.getContext('2d');
  const namesCtx = namesCanvas.getContext('2d');
  const discCtx = discCanvas.getContext('2d');

  const discs = new Discs();
  let cam = o.camera;
  let width = 0;
  let height = 0;
  let pr = 1;
  let scene: BaseScene = { countries: null, statuses: new Map(), summits: { type: 'FeatureCollection', features: [] } };
  /** Called after every draw of the discs with where the world is (the labels place themselves then). */
  const afterDraw = new Set<(v: DiscView) => void>();
  let baseDirty = true;
  let discsDirty = true;
  let frame = 0;
  let destroyed = false;
  const drawnListeners: Array<() => void> = [];
  /** What the names keep out from under (the adapter's discs and city labels), and the names drawn. */
  let nameObstacles: (v: DiscView) => readonly NameBox[] = () => [];
  let names: readonly PlacedName[] | null = null;

  const measure = (): boolean => {
    const w = o.container.clientWidth;
    const h = o.container.clientHeight;
    const r = Math.min(window.devicePixelRatio || 1, 1.5);
    if (w === width && h === height && r === pr) return false;
    const first = !width || !height;
    width = w;
    height = h;
    pr = r;
    names = null; // a resized canvas is blank
    for (const c of canvases) {
      c.width = Math.round(w * r);
      c.height = Math.round(h * r);
      c.style.width = `${w}px`;
      c.style.height = `${h}px`;
    }
    cam = constrain(cam, width, height);
    if (!first) o.onResize?.();
    return true;
  };

  const draw = () => {
    frame = 0;
    if (destroyed) return;
    if (measure()) baseDirty = discsDirty = true;
    if (!width || !height) return;
    if (baseDirty && baseCtx) {
      const t0 = performance.now();
      drawBase(baseCtx, scene, cam, width, height, pr);
      performance.measure('map2d:base', { start: t0, end: performance.now() });
    }
    if (discsDirty && discCtx) {
      const t0 = performance.now();
      const v = viewOf(cam, width, height);
      discs.draw(discCtx, v, pr);
      performance.measure('map:discs', { start: t0, end: performance.now() });
      for (const f of afterDraw) f(v);
      // After the city labels have placed themselves, as the MapLibre map places its names.
      if (namesCtx) drawNamesFor(namesCtx, v);
    }
    baseDirty = discsDirty = false;
    o.onDrawn?.();
    for (const f of drawnListeners.splice(0)) f();
  };
  const drawNamesFor = (ctx: CanvasRenderingContext2D, v: DiscView) => {
    const placed = placeNames(namePoints(scene.countries), v, cam.zoom, getLocale(), nameMeasure(ctx), nameObstacles(v));
    if (names && sameNames(names, placed)) return;
    names = placed;
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    drawNames(ctx, placed);
  };
  const schedule = (what: 'base' | 'discs') => {
    if (what === 'base') baseDirty = true;
    discsDirty = true;
    if (!frame && !destroyed) frame = requestAnimationFrame(draw);
  };

  const setCamera = (next: Camera) => {
    measure();
    cam = width && height ? constrain(next, width, height) : next;
    schedule('base');
  };

  // Zoom buttons, as MapLibre's navigation control offers them (keyboard users reach them by Tab).
  const zoomBox = document.createElement('div');
  zoomBox.className = 'atlas-map2d-zoom';
  for (const [text, dz, name] of [
    ['+', 1, t('map.zoomIn')],
    ['−', -1, t('map.zoomOut')],
  ] as const) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.title = name;
    b.setAttribute('aria-label', name);
    b.addEventListener('pointerdown', (e) => e.stopPropagation());
    b.addEventListener('click', () => {
      setCamera({ ...cam, zoom: cam.zoom + dz });
      o.onMove(cam, true);
    });
    zoomBox.append(b);
  }
  root.append(zoomBox);

  const detach = attachGestures({
    element: root,
    cooperative: o.cooperative,
    camera: () => cam,
    size: () => ({ width, height }),
    move(next, end) {
      setCamera(next);
      o.onMove(cam, end);
    },
    click: (x, y) => o.onClick(x, y),
    hover: (p) => o.onHover(p),
  });
  const resizer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => schedule('base')) : null;
  resizer?.observe(o.container);

  // The shapes' source at the foot, as the MapLibre map's attribution says it; the fallback's quiet line
  // sits under the zoom buttons, clear of the legend.
  const note = document.createElement('p');
  note.className = 'atlas-map2d-note';
  note.textContent = ATTRIBUTION;
  const quiet = document.createElement('p');
  quiet.className = 'atlas-map2d-quiet';
  quiet.dataset['testid'] = 'map2d-note';
  quiet.hidden = true;
  root.append(note, quiet);
  schedule('base');

  return {
    root,
    discs,
    base,
    namesCanvas,
    discCanvas,
    get camera() {
      return cam;
    },
    get size() {
      return { width, height, pixelRatio: pr };
    },
    setCamera,
    setScene(next: Partial<BaseScene>) {
      scene = { ...scene, ...next };
      schedule('base');
    },
    /** Where the city labels go (labels.ts appends its layer here), as MapLibre's canvas container. */
    getCanvasContainer: () => root,
    onDraw(fn: (v: DiscView) => void) {
      afterDraw.add(fn);
      return () => afterDraw.delete(fn);
    },
    schedule: () => schedule('discs'),
    /** What the country and sea names keep out from under, asked after each draw of the discs and labels. */
    setNameObstacles(fn: (v: DiscView) => readonly NameBox[]) {
      nameObstacles = fn;
      schedule('discs');
    },
    /** The city labels shown now (for the PNG copy). */
    get labels(): HTMLElement[] {
      return [...root.querySelectorAll<HTMLElement>('.atlas-city-label')].filter((el) => el.style.display !== 'none');
    },
    discsChanged: () => schedule('discs'),
    /** Draws now whatever is pending (for a capture); returns whether the canvases have a size. */
    drawNow(): boolean {
      if (frame) cancelAnimationFrame(frame);
      baseDirty = discsDirty = true;
      draw();
      return width > 0 && height > 0;
    },
    /** Resolves after the next draw (at once when nothing is pending). */
    drawn(): Promise<void> {
      if (!frame) return Promise.resolve();
      return new Promise((r) => drawnListeners.push(r));
    },
    get pending() {
      return frame !== 0;
    },
    setCursor(pointer: boolean) {
      root.style.cursor = pointer ? 'pointer' : '';
    },
    /** One quiet line under the zoom buttons (what the 2D map cannot do), or none. */
    setNote(text: string | null) {
      quiet.textContent = text ?? '';
      quiet.hidden = !text;
    },
    resize: () => schedule('base'),
    destroy() {
      destroyed = true;
      afterDraw.clear();
      cancelAnimationFrame(frame);
      detach();
      resizer?.disconnect();
      root.remove();
      // The hybrid map keeps this layer's adapter after the swap: let the shapes, summit lines and
      // canvas pixels go with it (0.25 MB of great-circle coordinates alone at 1,000 events).
      scene = { countries: null, statuses: new Map(), summits: { type: 'FeatureCollection', features: [] } };
      for (const c of canvases) c.width = c.height = 0;
      forgetShapes();
    },
  };
}

export type Layer = ReturnType<typeof createLayer>;
