// @vitest-environment node
/**
 * The country shapes the first screen draws (src/app/map/world/countries-110m.json) are made ahead of
 * time from world-atlas by src/build/world-shapes.ts. The committed file must be exactly what that
 * writes from the installed package (else a world-atlas upgrade would leave stale shapes on the
 * first screen while MapLibre's finer shapes moved on), and reading it must give the same countries,
 * to the metre, as decoding the topology at run time did.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { serialiseWorld, worldFromPackage, WORLD_FILE } from '../../../src/build/world-shapes';
import { countriesFromCompact, countriesFromTopology, type CompactWorld } from '../../../src/app/map/basemap';

describe('bundled country shapes', () => {
  it('are what src/build/world-shapes.ts makes from the installed world-atlas (run it after an upgrade)', () => {
    expect(readFileSync(WORLD_FILE, 'utf8')).toBe(serialiseWorld(worldFromPackage()));
  });

  it('read back as the same countries, points and all, as the topology gives', () => {
    const compact = JSON.parse(readFileSync(WORLD_FILE, 'utf8')) as CompactWorld;
    const mine = countriesFromCompact(compact);
    const topo = JSON.parse(readFileSync(join('node_modules/world-atlas/countries-110m.json'), 'utf8')) as Topology;
    const theirs = countriesFromTopology(topo);
    expect(mine.features.map((f) => f.properties.iso)).toEqual(theirs.features.map((f) => f.properties.iso));
    expect(mine.features.map((f) => f.properties.name)).toEqual(theirs.features.map((f) => f.properties.name));
    let points = 0;
    mine.features.forEach((f, i) => {
      const a = (f.geometry.coordinates as unknown[]).flat(4) as number[];
      const b = (theirs.features[i]!.geometry.coordinates as unknown[]).flat(4) as number[];
      expect(a.length).toBe(b.length);
      a.forEach((v, k) => expect(Math.abs(v - b[k]!)).toBeLessThanOrEqual(0.00005 + 1e-9));
      points += a.length / 2;
    });
    expect(points).toBeGreaterThan(10_000);
    // Every named country has its name's place, inside the world.
    for (const f of mine.features) {
      const [lng, lat, sx, sy] = f.properties.label!;
      expect(Math.abs(lng)).toBeLessThanOrEqual(200);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      expect(sx).toBeGreaterThan(0);
      expect(sy).toBeGreaterThan(0);
    }
  });

  it('names the entry when the file is malformed', () => {
    expect(() => countriesFromCompact({ source: '', countries: [{ iso: '004', name: 'A', label: null, parts: [] }, {} as never] })).toThrow(
      /countries\[1\]/,
    );
  });
});
