// @vitest-environment node
/**
 * "Pick on map" on the 2D map (no WebGL): a click on the pixel where a city is drawn gives back that
 * city's longitude and latitude, also across the antimeridian, so the editor picks the place the user saw.
 */
import { describe, expect, it } from 'vitest';
import { project, unproject } from '../../../../src/app/map/canvas2d/camera';

describe('the 2D map: a clicked pixel back to longitude and latitude', () => {
  const cases: Array<[string, { lng: number; lat: number; zoom: number }, number, number]> = [
    ['Tashkent on the Eurasian view', { lng: 75, lat: 40, zoom: 2.5 }, 69.24, 41.31],
    ['Moscow close up', { lng: 37, lat: 55, zoom: 7 }, 37.62, 55.75],
    ['Vladivostok with the map centred east of the antimeridian', { lng: -170, lat: 45, zoom: 2 }, 131.89, 43.12],
  ];
  it.each(cases)('%s', (_, cam, lng, lat) => {
    const p = project(cam, 900, 480, lng, lat);
    const back = unproject(cam, 900, 480, p.x, p.y);
    expect(back.lng).toBeCloseTo(lng, 6);
    expect(back.lat).toBeCloseTo(lat, 6);
  });
});
