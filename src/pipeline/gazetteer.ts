/**
 * The gazetteer as the pipeline uses it: names → places, built once from data/gazetteer.json
 * (GeoNames, CC BY 4.0) plus any places a corrections file adds.
 */
export interface GazetteerPlace {
  id: string;
  name: string;
  names: string[];
  country: string;
  countryCode: string;
  lat: number;
  lon: number;
  population: number;
  /** Where the coordinates come from. */
  source?: string;
  curated?: boolean;
  /** Russian names, the display name first (data/place-names-ru-zh.json); matched through lang/ru.ts. */
  ru?: string[];
  /** Chinese names, simplified display name first, then traditional forms; matched through lang/zh.ts. */
  zh?: string[];
  /** Stems of Russian adjectives from the name that are not the name's stem plus -ск- ("московск"). */
  ruAdjective?: string[];
  /** How texts name the country this is the capital of, in "the capital of X" (Russian genitive, Chinese). */
  capitalOf?: { ru?: string[]; zh?: string[] };
}
export interface GazetteerFile {
  source: string;
  places: GazetteerPlace[];
}

/** Countries whose texts these are about: used only to break near-ties between places of one name. */
const SCO_REGION = new Set([
  'CN',
  'RU',
  'KZ',
  'KG',
  'TJ',
  'UZ',
  'IN',
  'PK',
  'IR',
  'BY',
  'MN',
  'AF',
  'AM',
  'AZ',
  'KH',
  'NP',
  'LK',
  'TR',
  'TM',
  'EG',
  'QA',
  'SA',
  'AE',
  'BH',
  'KW',
  'MV',
  'MM',
  'LA',
]);

/** A gazetteer's names, as the place readers look them up. */
export interface NameIndex {
  /** Exact (case-sensitive) name → best place for that name. */
  byName: Map<string, GazetteerPlace>;
  /** UPPER-CASE name → place, for datelines ("BEIJING,"). */
  byUpper: Map<string, GazetteerPlace>;
  /** First word of every name → the longest name in words starting with it. */
  maxWords: Map<string, number>;
  /**
   * First word of every name → the lengths in words of the names starting with it, as bits (bit n: a name
   * of n words; bit 31: one of 31 or more), so a reader tries only the lengths some name has: most of the
   * look-ups of a longest-name-first scan were of lengths no name with that first word has.
   */
  wordCounts: Map<string, number>;
}

export class Gazetteer {
  readonly byId = new Map<string, GazetteerPlace>();
  readonly source: string;
  private index?: NameIndex;
  /** The file's places, then those the corrections add (one of those may take a file place's id). */
  private readonly listed: readonly GazetteerPlace[];

  constructor(file: GazetteerFile, extra: GazetteerPlace[] = []) {
    this.source = file.source;
    this.listed = [...file.places, ...extra];
    for (const p of this.listed) this.byId.set(p.id, { source: file.source, ...p });
  }

  /**
   * The name indexes, made on first use: a cached run, whose main thread reads no text, needs only the
   * places by id (making them all took ~25 ms of a one-document change on 1,000 documents, profiled).
   */
  names(): NameIndex {
    if (this.index) return this.index;
    const index: NameIndex = { byName: new Map(), byUpper: new Map(), maxWords: new Map(), wordCounts: new Map() };
    const candidates = new Map<string, GazetteerPlace[]>();
    for (const p of this.listed) {
      for (const n of p.names.includes(p.name) ? p.names : [...p.names, p.name]) {
        const list = candidates.get(n) ?? [];
        list.push(this.byId.get(p.id)!);
        candidates.set(n, list);
      }
    }
    const weight = (p: GazetteerPlace) => (p.curated ? Infinity : p.population * (SCO_REGION.has(p.countryCode) ? 2 : 1));
    for (const [name, list] of [...candidates].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      list.sort((a, b) => weight(b) - weight(a) || (a.id < b.id ? -1 : 1));
      const best = list[0]!;
      index.byName.set(name, best);
      const upper = name.toUpperCase();
      if (!index.byUpper.has(upper) || weight(best) > weight(index.byUpper.get(upper)!)) index.byUpper.set(upper, best);
      const words = name.split(' ');
      const first = words[0]!;
      index.maxWords.set(first, Math.max(index.maxWords.get(first) ?? 0, words.length));
      index.wordCounts.set(first, (index.wordCounts.get(first) ?? 0) | (1 << Math.min(words.length, 31)));
    }
    return (this.index = index);
  }
  get maxWords(): Map<string, number> {
    return this.names().maxWords;
  }
  get wordCounts(): Map<string, number> {
    return this.names().wordCounts;
  }

  lookup(name: string): GazetteerPlace | undefined {
    return this.names().byName.get(name);
  }
  lookupUpper(name: string): GazetteerPlace | undefined {
    return this.names().byUpper.get(name);
  }
}
