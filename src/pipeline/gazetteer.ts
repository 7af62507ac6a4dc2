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

export class Gazetteer {
  readonly byId = new Map<string, GazetteerPlace>();
  /** Exact (case-sensitive) name → best place for that name. */
  private readonly byName = new Map<string, GazetteerPlace>();
  /** UPPER-CASE name → place, for datelines ("BEIJING,"). */
  private readonly byUpper = new Map<string, GazetteerPlace>();
  /** First word of every name → the longest name in words starting with it. */
  readonly maxWords = new Map<string, number>();
  /**
   * First word of every name → the lengths in words of the names starting with it, as bits (bit n: a name
   * of n words; bit 31: one of 31 or more), so a reader tries only the lengths some name has: most of the
   * look-ups of a longest-name-first scan were of lengths no name with that first word has.
   */
  readonly wordCounts = new Map<string, number>();
  readonly source: string;

  constructor(file: GazetteerFile, extra: GazetteerPlace[] = []) {
    this.source = file.source;
    const candidates = new Map<string, GazetteerPlace[]>();
    for (const p of [...file.places, ...extra]) {
      this.byId.set(p.id, { source: file.source, ...p });
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
      this.byName.set(name, best);
      const upper = name.toUpperCase();
      if (!this.byUpper.has(upper) || weight(best) > weight(this.byUpper.get(upper)!)) this.byUpper.set(upper, best);
      const words = name.split(' ');
      const first = words[0]!;
      this.maxWords.set(first, Math.max(this.maxWords.get(first) ?? 0, words.length));
      this.wordCounts.set(first, (this.wordCounts.get(first) ?? 0) | (1 << Math.min(words.length, 31)));
    }
  }

  lookup(name: string): GazetteerPlace | undefined {
    return this.byName.get(name);
  }
  lookupUpper(name: string): GazetteerPlace | undefined {
    return this.byUpper.get(name);
  }
}
