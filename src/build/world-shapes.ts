/**
 * The country shapes the first screen draws, made ahead of time from world-atlas's Natural Earth
 * 1:110m topology: decoded to longitude/latitude, rings that cross the antimeridian made continuous
 * (basemap.ts `unwrapRing`), in whole 1e-4 degrees (≈11 m; the topology itself is quantised to
 * ≈400 m), each point written as its difference from the one before (small numbers: the file
 * gzips to about the topology's size), and each country's name anchor found (label-anchor.ts). Decoding the topology, repairing
 * the rings and running polylabel on ~180 countries took ~100 ms of the page's first screen on this
 * machine; reading this file is one JSON.parse.
 *
 *   npx tsx src/build/world-shapes.ts      writes src/app/map/world/countries-110m.json
 *
 * tests/unit/world-shapes.test.ts checks that the committed file is what this writes from the installed
 * world-atlas, so the two cannot drift apart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { countriesFromTopology, type CompactWorld } from '../app/map/basemap.ts';
import { labelAnchor } from '../app/map/label-anchor.ts';

const round = (v: number, k: number) => Math.round(v * k) / k || 0;

export function compactWorld(topology: Topology, version: string): CompactWorld {
  const fc = countriesFromTopology(topology);
  return {
    source: `Natural Earth 1:110m country shapes, from world-atlas ${version} (countries-110m.json), made by src/build/world-shapes.ts`,
    countries: fc.features.map((f) => {
      const g = f.geometry;
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      const a = labelAnchor(g);
      return {
        iso: f.properties.iso,
        name: f.properties.name,
        label: a ? [round(a[0], 1e4), round(a[1], 1e4), round(a[2], 1e6), round(a[3], 1e6)] : null,
        parts: polygons.map((rings) =>
          rings.map((ring) => {
            let px = 0;
            let py = 0;
            return ring.flatMap(([x, y]) => {
              const qx = Math.round(x! * 1e4);
              const qy = Math.round(y! * 1e4);
              const d = [qx - px, qy - py];
              [px, py] = [qx, qy];
              return d;
            });
          }),
        ),
      };
    }),
  };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const WORLD_FILE = join(root, 'src/app/map/world/countries-110m.json');

export function worldFromPackage(): CompactWorld {
  const dir = join(root, 'node_modules/world-atlas');
  const topology = JSON.parse(readFileSync(join(dir, 'countries-110m.json'), 'utf8')) as Topology;
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return compactWorld(topology, version);
}

/** One country a line: a diff shows which shapes changed. */
export function serialiseWorld(w: CompactWorld): string {
  return `{"source":${JSON.stringify(w.source)},"countries":[\n${w.countries.map((c) => JSON.stringify(c)).join(',\n')}\n]}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(WORLD_FILE, serialiseWorld(worldFromPackage()));
  console.log(`wrote ${WORLD_FILE}`);
}
