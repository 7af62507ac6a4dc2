// @vitest-environment node
/**
 * The 2D map's camera (src/app/map/canvas2d/camera.ts, base.ts): the country shapes and the city discs
 * land on the same pixels, as MapLibre's would; a drag moves the map
 * with the pointer, a wheel zooms around it, and fitting the data shows every city inside the padding.
 */
import { describe, expect, it } from 'vitest';
import { drawBase } from '../../../../src/app/map/canvas2d/base';
import type { Countries } from '../../../../src/app/map/countries';
import { shapesFromGeoJSON } from '../../../../src/app/map/basemap';
import { constrain, fitCamera, panBy, project, unmercator, worldSize, zoomAround } from '../../../../src/app/map/canvas2d/camera';
import { mercator } from '../../../../src/app/map/discs';

const W = 900;
const H = 480;
const cam = { lng: 75, lat: 40, zoom: 2.5 };
const cities: Array<[number, number]> = [
  [37.62, 55.75], // Moscow
  [120.38, 36.07], // Qingdao
  [-74.0, 40.71], // New York
  [6.14, 46.2], // Geneva
  [77.2, 28.61], // New Delhi
];

describe('2D map camera', () => {
  it('draws countries and discs on the same pixels, whatever the camera', () => {
    // A "country" whose outline runs through the cities: where drawBase puts its corners on the canvas
    // (the points it traces, through the transform it set) must be where the discs go (project).
    const country: Countries = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { iso: '999', name: '' },
          geometry: { type: 'Polygon', coordinates: [[...cities, cities[0]!]] },
        },
      ],
    };
    for (const c of [cam, { lng: -30, lat: -20, zoom: 1.7 }, { lng: 100, lat: 60, zoom: 5.2 }]) {
      const traced: Array<[number, number]> = [];
      let m = [1, 0, 0, 1, 0, 0];
      const at = (x: number, y: number) => traced.push([m[0]! * x + m[4]!, m[3]! * y + m[5]!]);
      const ctx = new Proxy({} as Record<string, unknown>, {
        get: (_, k) =>
          k === 'setTransform'
            ? (...a: number[]) => (m = a)
            : k === 'moveTo' || k === 'lineTo'
              ? at
              : k === 'setLineDash'
                ? () => {}
                : () => ({ width: 0 }),
        set: () => true,
      }) as unknown as CanvasRenderingContext2D;
      drawBase(
        ctx,
        { countries: shapesFromGeoJSON(country), statuses: new Map(), summits: { type: 'FeatureCollection', features: [] } },
        c,
        W,
        H,
        2,
      );
      for (const [lng, lat] of cities) {
        const a = project(c, W, H, lng, lat);
        // Some world copy of the corner lands exactly on the disc (device pixels: ×2).
        const best = Math.min(...traced.map(([x, y]) => Math.hypot(x - a.x * 2, y - a.y * 2)));
        expect(best).toBeLessThan(0.01);
      }
    }
  });

  it('puts the centre in the middle and makes the world 512 × 2^zoom pixels wide', () => {
    const mid = project(cam, W, H, cam.lng, cam.lat);
    expect(mid.x).toBeCloseTo(W / 2, 6);
    expect(mid.y).toBeCloseTo(H / 2, 6);
    const east = project(cam, W, H, cam.lng + 90, cam.lat);
    expect((east.x - mid.x) * 4).toBeCloseTo(worldSize(2.5), 6);
    expect(unmercator(...mercator(37.62, 55.75))[1]).toBeCloseTo(55.75, 9);
  });

  it('moves the map with the pointer when dragged', () => {
    const before = project(cam, W, H, 37.62, 55.75);
    const after = project(panBy(cam, 120, -45), W, H, 37.62, 55.75);
    expect(after.x - before.x).toBeCloseTo(120, 6);
    expect(after.y - before.y).toBeCloseTo(-45, 6);
  });

  it('zooms around the pointer: the place under it stays there', () => {
    const px = 700;
    const py = 130;
    const v = zoomAround(cam, W, H, 10, 10, 0); // same camera
    expect(v.zoom).toBe(cam.zoom);
    const z = zoomAround(cam, W, H, px, py, 1.3);
    expect(z.zoom).toBeCloseTo(3.8, 9);
    // The lng/lat under (px, py) before, projected with the new camera, is still at (px, py).
    const s = worldSize(cam.zoom);
    const [cx, cy] = mercator(cam.lng, cam.lat);
    const [lng, lat] = unmercator(cx + (px - W / 2) / s, cy + (py - H / 2) / s);
    const p = project(z, W, H, lng, lat);
    expect(p.x).toBeCloseTo(px, 6);
    expect(p.y).toBeCloseTo(py, 6);
  });

  it('fits every city inside the padding, touching it on the tighter side, no closer than the zoom limit', () => {
    const box: [number, number, number, number] = [-74.0, 28.61, 120.38, 55.75];
    const pad = 40;
    const fit = fitCamera(box, W, H, pad, 5);
    const pts = cities.map(([lng, lat]) => project(fit, W, H, lng, lat));
    for (const p of pts) {
      expect(p.x).toBeGreaterThanOrEqual(pad - 1e-6);
      expect(p.x).toBeLessThanOrEqual(W - pad + 1e-6);
      expect(p.y).toBeGreaterThanOrEqual(pad - 1e-6);
      expect(p.y).toBeLessThanOrEqual(H - pad + 1e-6);
    }
    const xs = pts.map((p) => p.x);
    expect(Math.min(...xs)).toBeCloseTo(pad, 6);
    expect(Math.max(...xs)).toBeCloseTo(W - pad, 6);
    // Two cities close together: the limit wins; one city: the point zoom.
    expect(fitCamera([37.6, 55.7, 37.7, 55.8], W, H, pad, 5).zoom).toBe(5);
    expect(fitCamera([37.6, 55.7, 37.6, 55.7], W, H, pad, 5)).toEqual({ lng: 37.6, lat: 55.7, zoom: 4 });
  });

  it('keeps the world filling the map: no zooming out past it, no sky above the poles', () => {
    const out = constrain({ lng: 190, lat: 84, zoom: -3 }, W, H);
    expect(worldSize(out.zoom)).toBeGreaterThanOrEqual(H - 1e-6);
    expect(out.lng).toBeCloseTo(-170, 9);
    const top = project(out, W, H, 0, 85.051129).y;
    expect(top).toBeLessThanOrEqual(1e-6);
    expect(project(out, W, H, 0, -85.051129).y).toBeGreaterThanOrEqual(H - 1e-6);
  });
});
