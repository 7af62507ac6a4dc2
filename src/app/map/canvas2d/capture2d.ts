/**
 * A PNG-ready copy of the 2D map as it is now: the base canvas, the names and discs over it and the city labels
 * written in, as the app's export (present/snapshot.ts) takes it from `MapAdapter.capture`. The labels
 * are HTML on screen; here they are drawn with the same font and white halo.
 */
import type { Layer } from './layer';

export function captureLayer(layer: Layer): HTMLCanvasElement {
  layer.drawNow();
  const { width, height, pixelRatio } = layer.size;
  const copy = document.createElement('canvas');
  copy.width = layer.base.width;
  copy.height = layer.base.height;
  const c = copy.getContext('2d');
  if (!c || !width || !height) return copy;
  c.drawImage(layer.base, 0, 0);
  c.drawImage(layer.namesCanvas, 0, 0);
  c.drawImage(layer.discCanvas, 0, 0);
  c.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  const box = layer.root.getBoundingClientRect();
  const sx = box.width ? width / box.width : 1;
  for (const el of layer.labels) {
    const r = el.getBoundingClientRect();
    const text = el.textContent ?? '';
    if (!text || !r.width) continue;
    const cs = getComputedStyle(el);
    c.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    c.textBaseline = 'middle';
    const x = (r.left - box.left) * sx;
    const y = (r.top - box.top + r.height / 2) * sx;
    c.lineJoin = 'round';
    c.lineWidth = 3;
    c.strokeStyle = 'rgba(255,255,255,0.9)';
    c.strokeText(text, x, y);
    c.fillStyle = cs.color || '#1f2937';
    c.fillText(text, x, y);
  }
  return copy;
}
