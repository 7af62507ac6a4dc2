/**
 * What the PNG and the video draw beside the map, on a 2D canvas (issue 13: the PNG had no legend and
 * left out the selected city): the legend of SCO status colours, discs and summit path, and a panel
 * with the selected city and its first statements, with their dates. Text only (document text is
 * untrusted): fillText, never markup.
 */
import { STATUS_COLOURS } from '../palette';
import { wrapText } from './text-wrap';

export interface LegendLabels {
  member: string;
  observer: string;
  partner: string;
  events: string;
  summits: string;
}

/** The selected city and its statements, as the panel shows them. */
export interface CityPanel {
  title: string;
  subtitle: string;
  items: { date: string; text: string }[];
  /** "3 more statements in the atlas" and the like, or empty. */
  more: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
/** The disc colour of the map's discs (discs.ts) and the summit path's (style.ts). */
const DISC = '#c0392b';
const SUMMIT = '#6b4c9a';

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/**
 * The legend in a box whose bottom-left corner is at (x, bottom), wrapping its items within
 * `maxWidth`; `size` is the font size in CSS pixels. Returns the box's height.
 */
export function drawLegend(
  ctx: CanvasRenderingContext2D,
  x: number,
  bottom: number,
  maxWidth: number,
  labels: LegendLabels,
  size = 12,
): number {
  ctx.save();
  ctx.font = `${size}px ${FONT}`;
  const sw = size; // swatch
  const gap = size * 0.9;
  const pad = size * 0.6;
  const items = [
    { kind: 'fill', colour: STATUS_COLOURS.member, text: labels.member },
    { kind: 'fill', colour: STATUS_COLOURS.observer, text: labels.observer },
    { kind: 'fill', colour: STATUS_COLOURS.partner, text: labels.partner },
    { kind: 'disc', colour: DISC, text: labels.events },
    { kind: 'dash', colour: SUMMIT, text: labels.summits },
  ] as const;
  const widths = items.map((it) => sw + size * 0.35 + ctx.measureText(it.text).width);
  // Rows: greedy within the width (an item is never cut; a very narrow image just gets more rows).
  const rows: number[][] = [];
  let line = 0;
  widths.forEach((w, i) => {
    if (!rows.length || line + gap + w > maxWidth - 2 * pad) {
      rows.push([i]);
      line = w;
    } else {
      rows[rows.length - 1]!.push(i);
      line += gap + w;
    }
  });
  const rowH = size * 1.5;
  const boxW = Math.min(maxWidth, Math.max(...rows.map((r) => r.reduce((s, i) => s + widths[i]!, 0) + gap * (r.length - 1))) + 2 * pad);
  const boxH = rows.length * rowH + pad;
  const top = bottom - boxH;
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  roundRect(ctx, x, top, boxW, boxH, 4);
  ctx.fill();
  ctx.textBaseline = 'middle';
  rows.forEach((row, r) => {
    let cx = x + pad;
    const cy = top + pad / 2 + r * rowH + rowH / 2;
    for (const i of row) {
      const it = items[i]!;
      ctx.fillStyle = it.colour;
      ctx.strokeStyle = it.kind === 'disc' ? '#ffffff' : '#9ca3af';
      ctx.lineWidth = 1;
      if (it.kind === 'fill') {
        ctx.fillRect(cx, cy - sw / 2, sw, sw);
        ctx.strokeRect(cx + 0.5, cy - sw / 2 + 0.5, sw - 1, sw - 1);
      } else if (it.kind === 'disc') {
        ctx.beginPath();
        ctx.arc(cx + sw / 2, cy, sw / 2, 0, Math.PI * 2);
        ctx.fill();
        ctx.stroke();
      } else {
        ctx.strokeStyle = it.colour;
        ctx.lineWidth = 2;
        ctx.setLineDash([3, 2]);
        ctx.beginPath();
        ctx.moveTo(cx, cy);
        ctx.lineTo(cx + sw, cy);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = '#1f2937';
      ctx.fillText(it.text, cx + sw + size * 0.35, cy);
      cx += widths[i]! + gap;
    }
  });
  ctx.restore();
  return boxH;
}

/** The selected city's panel inside `rect` (CSS pixels): name, country, then dated statements while they fit. */
export function drawCityPanel(
  ctx: CanvasRenderingContext2D,
  rect: { x: number; y: number; width: number; height: number },
  panel: CityPanel,
): void {
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(rect.x, rect.y, rect.width, rect.height);
  ctx.fillStyle = '#d1d5db';
  ctx.fillRect(rect.x, rect.y, 1, rect.height);
  const pad = 14;
  const inner = rect.width - 2 * pad;
  const bottom = rect.y + rect.height - pad;
  let y = rect.y + pad;
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#102a43';
  ctx.font = `700 18px ${FONT}`;
  for (const l of wrapText(panel.title, inner, (s) => ctx.measureText(s).width, 2)) {
    ctx.fillText(l, rect.x + pad, y);
    y += 22;
  }
  ctx.font = `13px ${FONT}`;
  ctx.fillStyle = '#486581';
  if (panel.subtitle) {
    ctx.fillText(panel.subtitle, rect.x + pad, y, inner);
    y += 22;
  }
  for (const it of panel.items) {
    if (y + 36 > bottom) break;
    ctx.font = `600 12px ${FONT}`;
    ctx.fillStyle = '#334e68';
    ctx.fillText(it.date, rect.x + pad, y, inner);
    y += 16;
    ctx.font = `13px ${FONT}`;
    ctx.fillStyle = '#1f2933';
    const room = Math.max(1, Math.min(5, Math.floor((bottom - y) / 17)));
    const lines = wrapText(`“${it.text}”`, inner - 8, (s) => ctx.measureText(s).width, room);
    ctx.fillStyle = '#2f6f9f';
    ctx.fillRect(rect.x + pad, y, 3, lines.length * 17 - 3);
    ctx.fillStyle = '#1f2933';
    for (const l of lines) {
      ctx.fillText(l, rect.x + pad + 8, y);
      y += 17;
    }
    y += 8;
  }
  if (panel.more && y + 16 <= bottom) {
    ctx.font = `italic 12px ${FONT}`;
    ctx.fillStyle = '#486581';
    ctx.fillText(panel.more, rect.x + pad, y, inner);
  }
  ctx.restore();
}
