/**
 * MapLibre's own words in the interface language: the attribution line (it stayed English in Russian
 * and Chinese), its fold button, the zoom buttons' names, the map canvas's name ("Map" to a screen
 * reader in every language) and an embed's gesture hint ("Use Ctrl + scroll to zoom the map"). Given when the map is made, and given again
 * when the language changes (an effect: a .svelte.ts module).
 */
import { untrack } from 'svelte';
import type { AttributionControl, Map as MLMap } from 'maplibre-gl';
import { t } from '../i18n';

/** The map's UI strings MapLibre asks for by key (its `locale` option), in the interface language. */
export function mapLocale(): Record<string, string> {
  return {
    'AttributionControl.ToggleAttribution': t('map.attributionToggle'),
    'NavigationControl.ZoomIn': t('map.zoomIn'),
    'NavigationControl.ZoomOut': t('map.zoomOut'),
    'Map.Title': t('map.canvas'),
    // An embed's map asks for Ctrl (⌘) or two fingers, so the host page still scrolls.
    'CooperativeGesturesHandler.WindowsHelpText': t('map.gestureCtrl'),
    'CooperativeGesturesHandler.MacHelpText': t('map.gestureMac'),
    'CooperativeGesturesHandler.MobileHelpText': t('map.gestureTouch'),
  };
}

export const attributionText = (): string => t('map.attribution');

/** Keeps the controls' words in the interface language; returns a stopper. */
export function followLanguage(map: MLMap, attribution: AttributionControl): () => void {
  return $effect.root(() => {
    $effect(() => {
      const strings = mapLocale();
      const line = attributionText();
      untrack(() => {
        map._locale = { ...map._locale, ...strings };
        attribution.options.customAttribution = line;
        attribution._updateAttributions();
        // MapLibre names its buttons once, when they are added: named again here.
        const root = map.getContainer();
        const name = (selector: string, text: string) => {
          for (const el of root.querySelectorAll(selector)) {
            el.setAttribute('title', text);
            el.setAttribute('aria-label', text);
          }
        };
        name('.maplibregl-ctrl-attrib-button', strings['AttributionControl.ToggleAttribution']!);
        name('.maplibregl-ctrl-zoom-in', strings['NavigationControl.ZoomIn']!);
        name('.maplibregl-ctrl-zoom-out', strings['NavigationControl.ZoomOut']!);
        map.getCanvas().setAttribute('aria-label', strings['Map.Title']!);
        // The embed's gesture hint, made once by MapLibre when the map is: its words set again.
        const mac = /Mac/.test(navigator.userAgent);
        const say = (selector: string, text: string) => root.querySelector(selector)?.replaceChildren(text);
        say(
          '.maplibregl-desktop-message',
          strings[mac ? 'CooperativeGesturesHandler.MacHelpText' : 'CooperativeGesturesHandler.WindowsHelpText']!,
        );
        say('.maplibregl-mobile-message', strings['CooperativeGesturesHandler.MobileHelpText']!);
      });
    });
  });
}
