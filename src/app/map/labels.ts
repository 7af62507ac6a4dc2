/**
 * City labels as HTML markers: text in a symbol layer needs glyph files from a URL, and the atlas is
 * offline. Only the busiest cities are labelled (the component chooses which).
 */
import { Marker, type Map as MLMap } from 'maplibre-gl';
import type { PlaceFeature } from '../../contract/schema';

export interface Labels {
  set(places: readonly PlaceFeature[], index: ReadonlyMap<string, number>, ids: readonly string[]): void;
  destroy(): void;
}

export function cityLabels(map: MLMap): Labels {
  let markers: Marker[] = [];
  const clear = () => {
    for (const l of markers) l.remove();
    markers = [];
  };
  return {
    set(places, index, ids) {
      clear();
      for (const id of ids) {
        const p = places[index.get(id) ?? -1];
        if (!p) continue;
        const el = document.createElement('div');
        el.className = 'atlas-city-label';
        el.textContent = p.properties.name; // text only: names come from documents
        el.setAttribute('aria-hidden', 'true');
        markers.push(new Marker({ element: el, anchor: 'left', offset: [9, 0] }).setLngLat(p.geometry.coordinates).addTo(map));
      }
    },
    destroy: clear,
  };
}
