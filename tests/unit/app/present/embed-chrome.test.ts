// @vitest-environment node
/**
 * The embed's chrome at small sizes (issue 13): the legend keeps clear of the attribution and collapses
 * when it cannot, the "Open full view" link keeps off the zoom buttons, and a city's view keeps its
 * country in the frame.
 */
import { describe, expect, it } from 'vitest';
import { cityCamera, countryFrame, fitPadding, MAX_CITY_ZOOM } from '../../../../src/app/map/camera';
import { placeLegend, rowsFor } from '../../../../src/app/map/legend-fit';
import { chooseSpot, type Box } from '../../../../src/app/present/chrome';

// The legend's items as Chromium measured them at 12 px (Member … Summits in order).
const ITEMS = [66, 82, 120, 114, 118];
const overlap = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('legend placement', () => {
  it('sits beside the attribution in two rows when the map is wide', () => {
    const p = placeLegend({ mapWidth: 900, mapHeight: 400, attribWidth: 267, attribHeight: 24, itemWidths: ITEMS, rowHeight: 16 });
    expect(p).toEqual({ collapsed: false, maxWidth: 900 - 267 - 24, bottom: 8 });
  });

  it('goes above the attribution when beside it would take more than two rows', () => {
    // An attribution already folded to its button: the room beside it is too narrow for two rows.
    const p = placeLegend({ mapWidth: 330, mapHeight: 200, attribWidth: 30, attribHeight: 24, itemWidths: ITEMS, rowHeight: 16 });
    expect(p.collapsed).toBe(false);
    expect(p.bottom).toBeGreaterThanOrEqual(24 + 8);
    expect(rowsFor(ITEMS, p.maxWidth - 16)).toBeLessThanOrEqual(2);
  });

  it('folds the attribution to its button when that lets the legend sit beside it (960x540 story mode)', () => {
    const p = placeLegend({ mapWidth: 576, mapHeight: 350, attribWidth: 267, attribHeight: 24, itemWidths: ITEMS, rowHeight: 16 });
    expect(p).toMatchObject({ collapsed: false, bottom: 8, foldAttribution: true });
  });

  it('collapses to a button in a map too small to give it room', () => {
    const p = placeLegend({ mapWidth: 300, mapHeight: 120, attribWidth: 267, attribHeight: 24, itemWidths: ITEMS, rowHeight: 16 });
    expect(p.collapsed).toBe(true);
  });

  it('collapsed on a phone, its button keeps off the attribution: beside it, beside it folded, or above it', () => {
    // 390x844 in Russian: the items too wide for two rows, "Легенда" 108 px, the attribution open 262 px.
    const ru = { mapWidth: 390, mapHeight: 330, attribHeight: 24, itemWidths: [118, 96, 140, 118, 150], rowHeight: 16, buttonWidth: 108 };
    const open = placeLegend({ ...ru, attribWidth: 262 });
    expect(open).toMatchObject({ collapsed: true, bottom: 8, foldAttribution: true });
    // Once folded, the button fits beside the ⓘ; a reader who opens the attribution again pushes it above.
    expect(placeLegend({ ...ru, attribWidth: 30, mayFold: false })).toMatchObject({ collapsed: true, bottom: 8 });
    const reopened = placeLegend({ ...ru, attribWidth: 262, mayFold: false });
    expect(reopened).toMatchObject({ collapsed: true, bottom: 24 + 16 });
    expect(reopened.foldAttribution).toBeUndefined();
    // A short attribution leaves room for the button beside it as it is.
    expect(placeLegend({ ...ru, attribWidth: 200 })).toEqual({ collapsed: true, maxWidth: 390 - 16, bottom: 8 });
  });

  it('never lets an item be cut: an item wider than the room makes the rows infinite', () => {
    expect(rowsFor([50, 130], 120)).toBe(Infinity);
    expect(rowsFor([50, 60], 121)).toBe(1);
    expect(rowsFor([50, 60, 70], 121)).toBe(2);
  });
});

describe('the "Open full view" link', () => {
  const map: Box = { left: 0, top: 0, width: 580, height: 350 };
  const zoom: Box = { left: 541, top: 10, width: 29, height: 58 };
  const badge: Box = { left: 8, top: 8, width: 186, height: 32 };
  const link = { width: 142, height: 27 };

  it('is centred on the map (not on the whole atlas) when that is free', () => {
    const s = chooseSpot(map, link, [zoom, badge]);
    expect(s.left).toBeCloseTo((580 - 142) / 2);
    expect(overlap({ ...s, ...link }, zoom)).toBe(false);
  });

  it('moves right of the badge and left of the zoom buttons on a narrow map, else a row lower', () => {
    const narrow = { ...map, width: 400 };
    const z = { ...zoom, left: 361 };
    const s = chooseSpot(narrow, link, [z, { ...badge, width: 190 }]);
    expect([z, badge].some((o) => overlap({ ...s, ...link }, o))).toBe(false);
    const tiny = { ...map, width: 300 };
    const s2 = chooseSpot(tiny, link, [{ ...zoom, left: 261 }, badge]);
    expect([{ ...zoom, left: 261 }, badge].some((o) => overlap({ ...s2, ...link }, o))).toBe(false);
    expect(s2.top).toBeGreaterThan(badge.top + badge.height - 1);
  });
});

describe('the camera on a city', () => {
  it('zooms to the city when its country fits at that zoom', () => {
    expect(cityCamera([69.2, 41.3], 2.5, { center: [64, 41], fitZoom: 5.1 })).toEqual({ center: [69.2, 41.3], zoom: 4 });
  });

  it('stops where the whole country is in view (Moscow: Russia), centred on the country', () => {
    expect(cityCamera([37.6, 55.75], 7, { center: [100, 60], fitZoom: 1.6 })).toEqual({ center: [100, 60], zoom: 1.6 });
  });

  it("frames the country's bounds: all of Russia for Moscow, Uzbekistan for Tashkent", () => {
    // Russia's coarse bounds run past 180° (Chukotka); Uzbekistan's are about 56-73°E, 37-46°N.
    const russia = countryFrame(576, 350, [37.6, 55.75], [27.3, 41.2, 190.1, 77.7])!;
    expect(russia.fitZoom).toBeLessThan(1.5);
    expect(russia.center[0]).toBeGreaterThan(90);
    const uz = countryFrame(576, 350, [69.2, 41.3], [56, 37.2, 73.1, 45.6])!;
    expect(uz.fitZoom).toBeGreaterThan(3);
    expect(uz.fitZoom).toBeLessThan(4.5);
    expect(cityCamera([37.6, 55.75], 4, russia).zoom).toBeCloseTo(russia.fitZoom);
  });

  it('never goes past MAX_CITY_ZOOM even without the country shapes', () => {
    expect(cityCamera([37.6, 55.75], 9, null).zoom).toBe(MAX_CITY_ZOOM);
  });

  it('keeps room for labels on the right and the legend below, even in a small map', () => {
    const p = fitPadding(640, 240);
    expect(p.right).toBeGreaterThan(p.left);
    expect(p.top + p.bottom).toBeLessThanOrEqual(120);
    expect(p.left + p.right).toBeLessThanOrEqual(320);
  });
});
