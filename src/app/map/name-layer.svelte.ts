/**
 * The canvas the country and sea names are drawn on (country-labels.ts), right above MapLibre's canvas
 * and under the discs' canvas: redrawn after each draw of the discs and their labels (every frame
 * MapLibre draws, and every change of the discs), and when the interface language changes. A
 * .svelte.ts module so that it can follow the locale (a `$state`) with an effect.
 */
import type { Map as MLMap } from 'maplibre-gl';
import { getLocale } from '../i18n';
import { coarseCountries } from './countries';
import { drawNames, nameMeasure, namePoints, placeNames, sameNames, type NameBox, type PlacedName } from './country-labels';
import type { DiscView } from './discs';
import { discView, type DiscOverlay } from './overlay';

export interface NameLayer {
  readonly canvas: HTMLCanvasElement;
  draw(): void;
  destroy(): void;
}

/**
 * `avoid`: what the names keep out from under in a view (the discs and the city labels just placed):
 * asked after the overlay's draw, whose `onDraw` callbacks run in the order they were added, so the
 * layer is made after the city labels.
 */
export function nameLayer(map: MLMap, overlay: DiscOverlay, avoid: (v: DiscView) => readonly NameBox[]): NameLayer {
  const canvas = document.createElement('canvas');
  canvas.className = 'atlas-names';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;';
  map.getCanvas().after(canvas);
  const ctx = canvas.getContext('2d');
  const measure = ctx ? nameMeasure(ctx) : (text: string, size: number) => text.length * size * 0.6;
  let drawn: PlacedName[] | null = null;
  let drawnLocale = '';
  const draw = (given?: DiscView) => {
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
      drawn = null; // a resized canvas is blank
    }
    const v = given ?? discView(map, w, h);
    const locale = getLocale();
    const names = placeNames(namePoints(coarseCountries()), v, map.getZoom(), locale, measure, avoid(v));
    if (drawn && locale === drawnLocale && sameNames(drawn, names)) return;
    drawn = names;
    drawnLocale = locale;
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    drawNames(ctx, names);
  };
  const off = overlay.onDraw(draw);
  const stop = $effect.root(() => {
    $effect(() => {
      getLocale();
      draw();
    });
  });
  return {
    canvas,
    draw: () => draw(),
    destroy() {
      stop();
      off();
      canvas.remove();
    },
  };
}
