/**
 * The PNG export: the map canvas, the timeline (SVG and canvas layers) and a caption naming the
 * sources, drawn onto one canvas at 2x device pixels so it stays sharp on a projector.
 *
 * Hand-written because no library does this composition: html-to-image style libraries re-render the
 * DOM through SVG foreignObject, which cannot carry a WebGL canvas; here each layer is already a
 * bitmap or an SVG that the browser can rasterise directly.
 */

import { drawCityPanel, drawLegend, type CityPanel, type LegendLabels } from './snapshot-panels';
import { wrapText } from './text-wrap';
import { t } from '../i18n';

export type { CityPanel, LegendLabels };

export const SNAPSHOT_SCALE = 2;
/** The selected city's panel: a column right of the map, in CSS pixels. */
export const PANEL_WIDTH = 300;
const PAD = 16;
const CAPTION_FONT_PX = 13;
const CAPTION_LINE = 18;

export interface CaptionSource {
  title: string;
  kind?: string | null;
  published?: string | null;
}

/** One caption: what the picture shows and where every event in it comes from. */
export function captionText(windowLabel: string, sources: readonly CaptionSource[]): string {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const s of sources) {
    if (seen.has(s.title)) continue;
    seen.add(s.title);
    const meta = [s.kind, s.published].filter(Boolean).join(', ');
    names.push(meta ? `${s.title} (${meta})` : s.title);
  }
  const src = names.length ? t('caption.sources', { list: names.join('; ') }) : t('caption.none');
  return t('caption.text', { window: windowLabel, sources: src });
}

// The caption's word wrap lives in text-wrap.ts (the panels drawn on the image use it too).
export { wrapText };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SnapshotLayout {
  /** CSS pixels; the bitmap is `scale` times larger. */
  width: number;
  height: number;
  scale: number;
  map: Rect | null;
  /** The selected city's column right of the map, when there is one. */
  panel: Rect | null;
  timeline: Rect | null;
  captionTop: number;
  captionLines: string[];
}

/**
 * Map on top (with the selected city's panel to its right when `panelWidth` is given), timeline below
 * at its on-screen size, caption last: all in CSS pixels.
 */
export function layoutSnapshot(
  map: { width: number; height: number } | null,
  timeline: { width: number; height: number } | null,
  caption: string,
  measure: (s: string) => number,
  scale = SNAPSHOT_SCALE,
  panelWidth = 0,
): SnapshotLayout {
  const mapWidth = Math.round(map?.width ?? 0);
  const width = Math.max(320, Math.round(Math.max(mapWidth + (map ? panelWidth : 0), timeline?.width ?? 0)));
  let y = 0;
  const mw = panelWidth && map ? width - panelWidth : width;
  const mapRect = map ? { x: 0, y, width: mw, height: Math.round((map.height * mw) / Math.max(1, map.width)) } : null;
  const panelRect = mapRect && panelWidth ? { x: mw, y, width: panelWidth, height: mapRect.height } : null;
  if (mapRect) y += mapRect.height;
  const tlRect = timeline ? { x: 0, y, width, height: Math.round((timeline.height * width) / Math.max(1, timeline.width)) } : null;
  if (tlRect) y += tlRect.height;
  const captionLines = wrapText(caption, width - 2 * PAD, measure);
  const captionTop = y + PAD / 2;
  const height = Math.round(captionTop + captionLines.length * CAPTION_LINE + PAD / 2);
  return { width, height, scale, map: mapRect, panel: panelRect, timeline: tlRect, captionTop, captionLines };
}

// ---- browser-only below: rasterising DOM layers ----

const SVG_STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** An SVG as an image: styles from stylesheets are copied inline, since a standalone SVG has none. */
export async function svgToImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const rect = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  src.forEach((el, i) => {
    const target = dst[i] as SVGElement | undefined;
    if (!target) return;
    const cs = getComputedStyle(el);
    const decl = SVG_STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', decl);
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(rect.width));
  clone.setAttribute('height', String(rect.height));
  const text = new XMLSerializer().serializeToString(clone);
  const img = new Image();
  img.decoding = 'sync';
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  return img;
}

/** Draws every canvas and SVG inside `root` at its place, scaled into `dest`. */
export async function drawLayers(ctx: CanvasRenderingContext2D, root: HTMLElement, dest: Rect): Promise<void> {
  const box = root.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return;
  const sx = dest.width / box.width;
  const sy = dest.height / box.height;
  const layers = root.querySelectorAll<HTMLCanvasElement | SVGSVGElement>('canvas, svg');
  for (const layer of layers) {
    // Nested SVGs are drawn with their outer SVG.
    if (layer instanceof SVGSVGElement && layer.ownerSVGElement) continue;
    const r = layer.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const x = dest.x + (r.left - box.left) * sx;
    const y = dest.y + (r.top - box.top) * sy;
    ctx.save();
    try {
      const img = layer instanceof HTMLCanvasElement ? layer : await svgToImage(layer);
      // A canvas shown through a CSS clip (the timeline's lit marks: only the window) says which span
      // of it shows, in CSS pixels from its left edge; copying its pixels would show all of it.
      const clip = layer instanceof HTMLCanvasElement ? layer.dataset.clip?.split(',').map(Number) : undefined;
      if (clip && clip.length === 2 && clip.every(Number.isFinite)) {
        const k = layer instanceof HTMLCanvasElement && layer.clientWidth ? r.width / layer.clientWidth : 1; // a CSS-scaled slide
        ctx.beginPath();
        ctx.rect(x + clip[0]! * k * sx, y, Math.max(0, clip[1]! - clip[0]!) * k * sx, r.height * sy);
        ctx.clip();
      }
      ctx.drawImage(img, x, y, r.width * sx, r.height * sy);
    } catch {
      // A layer that cannot be rasterised (e.g. a tainted canvas) is left out, not the whole picture.
    }
    ctx.restore();
  }
}

/** City labels drawn as HTML markers: their text, at their place, in their colours. */
export function drawHtmlLabels(ctx: CanvasRenderingContext2D, root: HTMLElement, labels: readonly HTMLElement[], dest: Rect): void {
  const box = root.getBoundingClientRect();
  const sx = dest.width / Math.max(1, box.width);
  for (const el of labels) {
    const text = (el.textContent ?? '').trim();
    const r = el.getBoundingClientRect();
    if (!text || r.width === 0 || r.right < box.left || r.left > box.right || r.bottom < box.top || r.top > box.bottom) continue;
    const cs = getComputedStyle(el);
    ctx.save();
    ctx.font = `${cs.fontWeight} ${parseFloat(cs.fontSize) * sx}px ${cs.fontFamily}`;
    ctx.textBaseline = 'middle';
    const x = dest.x + (r.left - box.left) * sx;
    const y = dest.y + (r.top - box.top + r.height / 2) * sx;
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.85)';
    ctx.strokeText(text, x, y);
    ctx.fillStyle = cs.color || '#111';
    ctx.fillText(text, x, y);
    ctx.restore();
  }
}

export interface SnapshotParts {
  /** The map's container. Its WebGL canvas is only readable right after a render: pass mapFrame. */
  map: HTMLElement | null;
  /** A copy of the map's WebGL canvas taken inside a render (MapAdapter.capture), or null to read it directly. */
  mapFrame?: HTMLCanvasElement | null;
  /** HTML labels over the map (e.g. city names as markers). */
  mapLabels?: readonly HTMLElement[];
  timeline: HTMLElement | null;
  caption: string;
  /** The legend's words, drawn at the map's bottom left; no legend when left out. */
  legend?: LegendLabels;
  /** The selected city and its statements, in a column right of the map. */
  panel?: CityPanel | null;
  scale?: number;
  background?: string;
}

export async function composeSnapshot(parts: SnapshotParts): Promise<HTMLCanvasElement> {
  const scale = parts.scale ?? SNAPSHOT_SCALE;
  const measureCanvas = document.createElement('canvas').getContext('2d');
  if (!measureCanvas) throw new Error('This browser cannot draw on a canvas, so it cannot make a PNG.');
  const font = `${CAPTION_FONT_PX}px system-ui, -apple-system, "Segoe UI", sans-serif`;
  measureCanvas.font = font;
  const mapBox = parts.map?.getBoundingClientRect();
  const tlBox = parts.timeline?.getBoundingClientRect();
  const layout = layoutSnapshot(
    mapBox && mapBox.width > 0 ? mapBox : null,
    tlBox && tlBox.width > 0 ? tlBox : null,
    parts.caption,
    (s) => measureCanvas.measureText(s).width,
    scale,
    parts.panel ? PANEL_WIDTH : 0,
  );
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas, so it cannot make a PNG.');
  ctx.scale(scale, scale);
  ctx.fillStyle = parts.background ?? '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);

  if (parts.map && layout.map) {
    if (parts.mapFrame) ctx.drawImage(parts.mapFrame, layout.map.x, layout.map.y, layout.map.width, layout.map.height);
    else await drawLayers(ctx, parts.map, layout.map);
    drawHtmlLabels(ctx, parts.map, parts.mapLabels ?? [], layout.map);
    if (parts.legend) drawLegend(ctx, layout.map.x + 8, layout.map.y + layout.map.height - 8, layout.map.width - 16, parts.legend);
  }
  if (parts.panel && layout.panel) drawCityPanel(ctx, layout.panel, parts.panel);
  if (parts.timeline && layout.timeline) await drawLayers(ctx, parts.timeline, layout.timeline);

  ctx.fillStyle = '#1f2933';
  ctx.font = font;
  ctx.textBaseline = 'top';
  layout.captionLines.forEach((line, i) => ctx.fillText(line, PAD, layout.captionTop + i * CAPTION_LINE));
  return canvas;
}

export function canvasToPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the PNG.'))), 'image/png'),
  );
}

/** Saves text or a blob as a file through a temporary object URL (no network, works from file://). */
export function download(name: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
