/**
 * The canvas the country and sea names are drawn on (country-labels.ts), right above MapLibre's canvas
 * and under the discs' canvas: redrawn in each frame MapLibre draws and when the interface language
 * changes. A .svelte.ts module so that it can follow the locale (a `$state`) with an effect.
 */
import type { Map as MLMap } from 'maplibre-gl';
import { getLocale } from '../i18n';
import { coarseCountries } from './countries';
import { drawNames, nameMeasure, namePoints, placeNames } from './country-labels';
import { discView } from './overlay';

export interface NameLayer {
  readonly canvas: HTMLCanvasElement;
  draw(): void;
  destroy(): void;
}

export function nameLayer(map: MLMap): NameLayer {
  const canvas = document.createElement('canvas');
  canvas.className = 'atlas-names';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;';
  map.getCanvas().after(canvas);
  const ctx = canvas.getContext('2d');
  const measure = ctx ? nameMeasure(ctx) : (text: string, size: number) => text.length * size * 0.6;
  const draw = () => {
    if (!ctx) return;
    const src = map.getCanvas();
    const w = src.clientWidth;
    const h = src.clientHeight;
    const pr = map.getPixelRatio();
    // The same backing size as the map's canvas, so the exports lay one over the other pixel for pixel.
    if (canvas.width !== Math.round(w * pr) || canvas.height !== Math.round(h * pr)) {
      canvas.width = Math.round(w * pr);
      canvas.height = Math.round(h * pr);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const names = placeNames(namePoints(coarseCountries()), discView(map, w, h), map.getZoom(), getLocale(), measure);
    drawNames(ctx, names);
  };
  map.on('render', draw);
  const stop = $effect.root(() => {
    $effect(() => {
      getLocale();
      draw();
    });
  });
  return {
    canvas,
    draw,
    destroy() {
      stop();
      map.off('render', draw);
      canvas.remove();
    },
  };
}
