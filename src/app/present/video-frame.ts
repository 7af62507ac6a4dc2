/**
 * One frame of the video export, drawn on a 2D canvas of 1280×720 or 1920×1080: the map (a copy of its
 * WebGL canvas with names and discs, letterboxed to keep its shape) with its city labels and legend,
 * a card on the right (the story step, or the selected city), the timeline below and the caption with
 * its sources at the foot. Laid out in 1280×720 units and scaled, so both sizes look the same.
 */
import { drawHtmlLabels, type Rect } from './snapshot';
import { drawCityPanel, drawLegend, type CityPanel, type LegendLabels } from './snapshot-panels';
import { wrapText } from './text-wrap';

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
const BASE_W = 1280;
const BASE_H = 720;
const CARD_W = 400;
const TIMELINE_H = 110;
const CAPTION_H = 50;

/** The story step as the card shows it. */
export interface StoryCard {
  count: string;
  when: string;
  where: string;
  format: string;
  title: string;
  statement: string;
  source: string;
}

export interface FrameLayout {
  map: Rect;
  card: Rect | null;
  timeline: Rect;
  caption: Rect;
}

/** Where each part goes, in 1280×720 units: the card column only when there is a card to show. */
export function frameLayout(withCard: boolean): FrameLayout {
  const mapH = BASE_H - TIMELINE_H - CAPTION_H;
  const mapW = withCard ? BASE_W - CARD_W : BASE_W;
  return {
    map: { x: 0, y: 0, width: mapW, height: mapH },
    card: withCard ? { x: mapW, y: 0, width: CARD_W, height: mapH } : null,
    timeline: { x: 0, y: mapH, width: BASE_W, height: TIMELINE_H },
    caption: { x: 0, y: mapH + TIMELINE_H, width: BASE_W, height: CAPTION_H },
  };
}

/** A `w`×`h` picture inside `box`, whole and centred (letterboxed), keeping its shape. */
export function contain(w: number, h: number, box: Rect): Rect {
  const k = Math.min(box.width / Math.max(1, w), box.height / Math.max(1, h));
  const width = w * k;
  const height = h * k;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

export interface FrameParts {
  /** A copy of the map as drawn now (MapAdapter.capture), or null (then the map area stays plain). */
  mapFrame: HTMLCanvasElement | null;
  /** The map's element and its city labels, laid over the copy where they are on screen. */
  mapEl: HTMLElement | null;
  labels: readonly HTMLElement[];
  /** The timeline, already rasterised (it changes slower than the frames). */
  timeline: CanvasImageSource | null;
  legend: LegendLabels;
  story: StoryCard | null;
  city: CityPanel | null;
  caption: string;
}

function drawStoryCard(ctx: CanvasRenderingContext2D, r: Rect, c: StoryCard): void {
  const pad = 18;
  const inner = r.width - 2 * pad;
  const measure = (s: string) => ctx.measureText(s).width;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(r.x, r.y, r.width, r.height);
  ctx.fillStyle = '#d1d5db';
  ctx.fillRect(r.x, r.y, 1, r.height);
  ctx.textBaseline = 'top';
  let y = r.y + pad;
  const line = (text: string, font: string, colour: string, lh: number, max = 1) => {
    if (!text) return;
    ctx.font = font;
    ctx.fillStyle = colour;
    for (const l of wrapText(text, inner, measure, max)) {
      ctx.fillText(l, r.x + pad, y);
      y += lh;
    }
  };
  line(`${c.count} · ${c.when}`, `600 15px ${FONT}`, '#334e68', 20);
  line(c.where, `15px ${FONT}`, '#334e68', 20);
  line(c.format, `600 15px ${FONT}`, '#7c2d12', 20);
  y += 6;
  line(c.title, `700 22px ${FONT}`, '#102a43', 28, 3);
  y += 8;
  if (c.statement) {
    ctx.font = `19px ${FONT}`;
    const room = Math.max(1, Math.floor((r.y + r.height - pad - 40 - y) / 26));
    const lines = wrapText(`“${c.statement}”`, inner - 14, measure, room);
    ctx.fillStyle = '#2f6f9f';
    ctx.fillRect(r.x + pad, y, 4, lines.length * 26 - 4);
    ctx.fillStyle = '#102a43';
    for (const l of lines) {
      ctx.fillText(l, r.x + pad + 14, y);
      y += 26;
    }
  }
  y = Math.max(y + 6, r.y + r.height - pad - 36);
  line(c.source, `13px ${FONT}`, '#486581', 18, 2);
}

/** Draws one frame onto `ctx` (a canvas of `width`×`height`). */
export function drawFrame(ctx: CanvasRenderingContext2D, width: number, height: number, parts: FrameParts): void {
  const k = width / BASE_W;
  ctx.setTransform(k, 0, 0, height / BASE_H, 0, 0);
  const L = frameLayout(!!(parts.story || parts.city));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, BASE_W, BASE_H);
  ctx.fillStyle = '#d7e3ea';
  ctx.fillRect(L.map.x, L.map.y, L.map.width, L.map.height);
  if (parts.mapFrame && parts.mapFrame.width && parts.mapFrame.height) {
    const box = parts.mapEl?.getBoundingClientRect();
    const shape = box && box.width ? box : { width: parts.mapFrame.width, height: parts.mapFrame.height };
    const dest = contain(shape.width, shape.height, L.map);
    ctx.drawImage(parts.mapFrame, dest.x, dest.y, dest.width, dest.height);
    if (parts.mapEl) drawHtmlLabels(ctx, parts.mapEl, parts.labels, dest);
  }
  drawLegend(ctx, L.map.x + 10, L.map.y + L.map.height - 10, L.map.width - 20, parts.legend, 14);
  if (L.card && parts.story) drawStoryCard(ctx, L.card, parts.story);
  else if (L.card && parts.city) drawCityPanel(ctx, L.card, parts.city);
  if (parts.timeline) ctx.drawImage(parts.timeline, L.timeline.x, L.timeline.y, L.timeline.width, L.timeline.height);
  ctx.fillStyle = '#f5f7fa';
  ctx.fillRect(L.caption.x, L.caption.y, L.caption.width, L.caption.height);
  ctx.fillStyle = '#1f2933';
  ctx.font = `13px ${FONT}`;
  ctx.textBaseline = 'top';
  wrapText(parts.caption, L.caption.width - 32, (s) => ctx.measureText(s).width, 2).forEach((l, i) =>
    ctx.fillText(l, L.caption.x + 16, L.caption.y + 8 + i * 18),
  );
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}
