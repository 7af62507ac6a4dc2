/**
 * Scoring the pipeline's per-document date mentions against hand-made gold (eval/README.md,
 * /work/briefs/eval-format.md). Pure functions of predicted records and gold: no I/O, so the rules are
 * unit-tested on small hand-made pairs (tests/unit/eval/score.test.ts).
 *
 * Written here rather than taken from a library: the rules (partial dates, year-only events, online
 * meetings, precision that ignores year mentions the gold also has) are this project's own.
 */

/** One gold event of a document, as written in a .gold.json file. */
export interface GoldEvent {
  start: string;
  end?: string;
  place: string | null;
  online?: boolean;
  evidence: string;
  /** How the text writes the date ("day-range", "weekday", ...; eval/gold.ts FORMS), for the by-form table. */
  forms?: string[];
}

/** One predicted per-document record (a mention in the pipeline's events.json). */
export interface Predicted {
  start: string;
  end?: string;
  precision: 'day' | 'month' | 'year';
  placeId: string | null;
  online: boolean;
  title?: string;
  dateText?: string;
}

export type Precision = Predicted['precision'];

export function precisionOfIso(d: string): Precision {
  return d.length >= 10 ? 'day' : d.length >= 7 ? 'month' : 'year';
}

/** `end` defaults to `start`: a one-day event is the span [start, start]. */
const endOf = (x: { start: string; end?: string }) => x.end ?? x.start;

/** Same start and same end. */
export function sameDates(gold: GoldEvent, pred: Predicted): boolean {
  return gold.start === pred.start && endOf(gold) === endOf(pred);
}

/**
 * Same place: the same gazetteer id (both null counts: no city named), or both online (a
 * videoconference matches whatever city the prediction placed it in, as long as it knows it was online).
 */
export function samePlace(gold: GoldEvent, pred: Predicted): boolean {
  return (gold.place ?? null) === (pred.placeId ?? null) || (gold.online === true && pred.online);
}

export type MissKind = 'date' | 'place' | 'year';

/** A gold event the prediction did not find; `near` lists the document's predictions that overlap it. */
export interface Miss {
  kind: MissKind;
  gold: GoldEvent;
  near: Predicted[];
}

export interface DocScore {
  /** Day- or month-precision gold events. */
  dmGold: number;
  dmFoundDate: number;
  dmFoundPlace: number;
  /** Predictions that count for precision, and those of them that match a gold event by date. */
  predCounted: number;
  predMatched: number;
  yearGold: number;
  yearFound: number;
  misses: Miss[];
  falseHits: Predicted[];
  /** Each gold event and whether it was found (by date, and by date and place; a year event: found at all). */
  outcomes: { gold: GoldEvent; byDate: boolean; byPlace: boolean }[];
}

/** Whether two partial-date spans overlap, comparing as far as the less precise of the two goes. */
function overlaps(a: { start: string; end?: string }, b: { start: string; end?: string }): boolean {
  const cut = (x: string, n: number) => x.slice(0, n);
  const n = Math.min(a.start.length, b.start.length, endOf(a).length, endOf(b).length);
  return cut(a.start, n) <= cut(endOf(b), n) && cut(b.start, n) <= cut(endOf(a), n);
}

/** The scores of one document: `pred` are its predicted records, `gold` its gold events. */
export function scoreDocument(pred: readonly Predicted[], gold: readonly GoldEvent[]): DocScore {
  const s: DocScore = {
    dmGold: 0,
    dmFoundDate: 0,
    dmFoundPlace: 0,
    predCounted: 0,
    predMatched: 0,
    yearGold: 0,
    yearFound: 0,
    misses: [],
    falseHits: [],
    outcomes: [],
  };
  const near = (g: GoldEvent) => pred.filter((p) => overlaps(g, p));
  for (const g of gold) {
    if (precisionOfIso(g.start) === 'year') {
      s.yearGold++;
      const found = pred.some(
        (p) =>
          (p.precision === 'year' && p.start === g.start) || (p.precision !== 'year' && p.start.startsWith(g.start) && samePlace(g, p)),
      );
      if (found) s.yearFound++;
      else s.misses.push({ kind: 'year', gold: g, near: near(g) });
      s.outcomes.push({ gold: g, byDate: found, byPlace: found });
      continue;
    }
    s.dmGold++;
    const byDate = pred.filter((p) => sameDates(g, p));
    const placed = byDate.some((p) => samePlace(g, p));
    s.outcomes.push({ gold: g, byDate: byDate.length > 0, byPlace: placed });
    if (byDate.length === 0) {
      s.misses.push({ kind: 'date', gold: g, near: near(g) });
      continue;
    }
    s.dmFoundDate++;
    if (placed) s.dmFoundPlace++;
    else s.misses.push({ kind: 'place', gold: g, near: byDate });
  }
  const goldYears = new Set(gold.filter((g) => precisionOfIso(g.start) === 'year').map((g) => g.start));
  for (const p of pred) {
    // A year mention the gold also has is neither right nor wrong for precision (year-only recall
    // scores it); one the gold lacks is a false hit like any other.
    if (p.precision === 'year' && goldYears.has(p.start)) continue;
    s.predCounted++;
    if (p.precision !== 'year' && gold.some((g) => sameDates(g, p))) s.predMatched++;
    else s.falseHits.push(p);
  }
  return s;
}

/** A ratio, or null when there is nothing to divide (no gold of that sort, no counted predictions). */
export const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

export interface Metrics {
  recallDate: number | null;
  recallDatePlace: number | null;
  precision: number | null;
  yearRecall: number | null;
}

export interface Summary {
  docs: number;
  dmGold: number;
  yearGold: number;
  /** Each document's ratios averaged over the documents where they are defined. */
  mean: Metrics;
  /** The counts of all documents added up, then divided. */
  pooled: Metrics;
}

export function docMetrics(s: DocScore): Metrics {
  return {
    recallDate: ratio(s.dmFoundDate, s.dmGold),
    recallDatePlace: ratio(s.dmFoundPlace, s.dmGold),
    precision: ratio(s.predMatched, s.predCounted),
    yearRecall: ratio(s.yearFound, s.yearGold),
  };
}

const KEYS = ['recallDate', 'recallDatePlace', 'precision', 'yearRecall'] as const;

export function summarise(scores: readonly DocScore[]): Summary {
  const sum = (f: (s: DocScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const pooled: Metrics = {
    recallDate: ratio(
      sum((s) => s.dmFoundDate),
      sum((s) => s.dmGold),
    ),
    recallDatePlace: ratio(
      sum((s) => s.dmFoundPlace),
      sum((s) => s.dmGold),
    ),
    precision: ratio(
      sum((s) => s.predMatched),
      sum((s) => s.predCounted),
    ),
    yearRecall: ratio(
      sum((s) => s.yearFound),
      sum((s) => s.yearGold),
    ),
  };
  const per = scores.map(docMetrics);
  const mean = Object.fromEntries(
    KEYS.map((k) => {
      const xs = per.map((m) => m[k]).filter((x): x is number => x !== null);
      return [k, xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null];
    }),
  ) as unknown as Metrics;
  return { docs: scores.length, dmGold: sum((s) => s.dmGold), yearGold: sum((s) => s.yearGold), mean, pooled };
}

/** The targets (issue 10, "Accuracy that generalises"): English is held to more than Russian and Chinese. */
export function targetsFor(lang: string): Metrics {
  return lang === 'en'
    ? { recallDate: 0.95, recallDatePlace: 0.9, precision: 0.9, yearRecall: 0.7 }
    : { recallDate: 0.9, recallDatePlace: 0.85, precision: 0.9, yearRecall: 0.7 };
}

export const METRIC_KEYS = KEYS;
