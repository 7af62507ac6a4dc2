/** A copy of the map as drawn now, for the PNG export (present/snapshot.ts). */
import type { Map as MLMap } from 'maplibre-gl';
import type { DiscOverlay } from './overlay';

/**
 * The WebGL canvas copied inside a render (when its buffer is valid), with the discs drawn now (same
 * camera as this frame) and laid over it pixel for pixel: both canvases share the map's pixel ratio.
 */
export function captureMap(
  map: MLMap,
  overlay: DiscOverlay,
  under: readonly { canvas: HTMLCanvasElement; draw(): void }[] = [],
): Promise<HTMLCanvasElement> {
  return new Promise<HTMLCanvasElement>((resolve) => {
    map.once('render', () => {
      const src = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      const c = copy.getContext('2d');
      c?.drawImage(src, 0, 0);
      // Layers between the map and the discs (the country and sea names), drawn for this camera.
      for (const layer of under) {
        layer.draw();
        if (layer.canvas.width && layer.canvas.height) c?.drawImage(layer.canvas, 0, 0, copy.width, copy.height);
      }
      overlay.draw();
      const o = overlay.canvas;
      if (o.width && o.height) c?.drawImage(o, 0, 0, copy.width, copy.height);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}
