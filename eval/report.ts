/**
 * Turns scored documents into the table `npm run eval` prints (and writes to eval/results/latest.md),
 * the results JSON, and the `--verbose` list of misses. Pure: strings in, strings out.
 */
import { FORMS, notEventDate } from './gold.ts';
import { docMetrics, METRIC_KEYS, summarise, targetsFor, type DocScore, type Metrics, type Predicted, type Summary } from './score.ts';

export interface ScoredDoc {
  /** 'en', 'ru', 'zh' or 'seeds'. */
  set: string;
  lang: string;
  name: string;
  file: string;
  kind: string;
  score: DocScore;
  notEvents: string[];
  /** Set when the pipeline failed on the document (its predictions are then empty). */
  failed?: string;
}

export interface Row {
  set: string;
  /** A kind of text, or 'all (mean of documents)' / 'all (pooled)'. */
  label: string;
  summary: Summary;
  /** Which figures the row shows: each document's ratios averaged, or all counts added up. */
  show: 'mean' | 'pooled';
}

const ORDER = ['en', 'ru', 'zh', 'seeds'];
const setOrder = (a: string, b: string) =>
  ORDER.indexOf(a) + 99 * +!ORDER.includes(a) - (ORDER.indexOf(b) + 99 * +!ORDER.includes(b)) || (a < b ? -1 : a > b ? 1 : 0);

export function buildRows(docs: readonly ScoredDoc[]): Row[] {
  const rows: Row[] = [];
  const sets = [...new Set(docs.map((d) => d.set))].sort(setOrder);
  for (const set of sets) {
    const inSet = docs.filter((d) => d.set === set);
    const kinds = [...new Set(inSet.map((d) => d.kind))].sort();
    for (const kind of kinds)
      rows.push({ set, label: kind, summary: summarise(inSet.filter((d) => d.kind === kind).map((d) => d.score)), show: 'mean' });
    const all = summarise(inSet.map((d) => d.score));
    rows.push({ set, label: 'all (mean of documents)', summary: all, show: 'mean' });
    rows.push({ set, label: 'all (pooled)', summary: all, show: 'pooled' });
  }
  return rows;
}

const fmt = (x: number | null) => (x === null ? '–' : x.toFixed(2));
const langOfSet = (set: string) => (set === 'seeds' ? 'en' : set);

function cell(x: number | null, target: number): string {
  return x === null ? '–' : `${fmt(x)}${x + 1e-9 < target ? ' ✗' : ''}`;
}

/** The Markdown table: one row per language and kind, two per language overall, and the targets. */
export function table(rows: readonly Row[]): string {
  const head = '| set | kind | docs | day/month events | recall by date | by date + place | precision | year events | year-only recall |';
  const out = [head, '|---|---|--:|--:|--:|--:|--:|--:|--:|'];
  let last = '';
  for (const r of rows) {
    const t = targetsFor(langOfSet(r.set));
    if (r.set !== last && last !== '') out.push(targetRow(last));
    last = r.set;
    const m: Metrics = r.summary[r.show];
    out.push(
      `| ${r.set} | ${r.label} | ${r.summary.docs} | ${r.summary.dmGold} | ${cell(m.recallDate, t.recallDate!)} | ${cell(m.recallDatePlace, t.recallDatePlace!)} | ${cell(m.precision, t.precision!)} | ${r.summary.yearGold} | ${cell(m.yearRecall, t.yearRecall!)} |`,
    );
  }
  if (last) out.push(targetRow(last));
  return out.join('\n');
}

function targetRow(set: string): string {
  const t = targetsFor(langOfSet(set));
  return `| ${set} | *target* | | | ≥ ${fmt(t.recallDate)} | ≥ ${fmt(t.recallDatePlace)} | ≥ ${fmt(t.precision)} | | ≥ ${fmt(t.yearRecall)} |`;
}

/** One line per document: its counts, so a reader sees which texts pull a row down. */
export function perDocument(docs: readonly ScoredDoc[]): string {
  const out = ['| document | kind | by date | by date + place | precision | year-only |', '|---|---|--:|--:|--:|--:|'];
  for (const d of sorted(docs)) {
    const s = d.score;
    out.push(
      `| ${d.set}/${d.name}${d.failed ? ' (failed)' : ''} | ${d.kind} | ${s.dmFoundDate}/${s.dmGold} | ${s.dmFoundPlace}/${s.dmGold} | ${s.predMatched}/${s.predCounted} | ${s.yearFound}/${s.yearGold} |`,
    );
  }
  return out.join('\n');
}

/**
 * Recall per form of date (the gold's optional `forms` tags), pooled over each set's documents: which ways
 * of writing a date the pipeline still misses. A year event counts as found in both columns when found.
 */
export function formTable(docs: readonly ScoredDoc[]): string {
  const out = ['| set | form | events | found by date | by date + place |', '|---|---|--:|--:|--:|'];
  const sets = [...new Set(docs.map((d) => d.set))].sort(setOrder);
  for (const set of sets) {
    const outcomes = docs.filter((d) => d.set === set).flatMap((d) => d.score.outcomes);
    for (const form of FORMS) {
      const o = outcomes.filter((x) => x.gold.forms?.includes(form));
      if (o.length === 0) continue;
      const share = (k: number) => `${k}/${o.length} (${(k / o.length).toFixed(2)})`;
      out.push(
        `| ${set} | ${form} | ${o.length} | ${share(o.filter((x) => x.byDate).length)} | ${share(o.filter((x) => x.byPlace).length)} |`,
      );
    }
  }
  return out.length > 2 ? out.join('\n') : '';
}

const sorted = (docs: readonly ScoredDoc[]) =>
  [...docs].sort((a, b) => setOrder(a.set, b.set) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const span = (x: { start: string; end?: string }) => (x.end ? `${x.start}..${x.end}` : x.start);
const where = (x: { placeId?: string | null; place?: string | null; online?: boolean }) =>
  `@${('placeId' in x ? x.placeId : x.place) ?? 'none'}${x.online ? ' (online)' : ''}`;
const predLine = (p: Predicted) =>
  `${span(p)} ${p.precision} ${where(p)}${p.dateText ? ` from "${p.dateText}"` : ''}${p.title ? ` — ${p.title}` : ''}`;

/** The `--verbose` listing: every miss and false hit, by document. */
export function verbose(docs: readonly ScoredDoc[]): string {
  const out: string[] = [];
  for (const d of sorted(docs)) {
    const s = d.score;
    if (s.misses.length === 0 && s.falseHits.length === 0 && !d.failed) continue;
    out.push(`${d.set}/${d.file} (${d.kind})${d.failed ? ` FAILED: ${d.failed}` : ''}`);
    for (const m of s.misses) {
      const what = m.kind === 'date' ? 'missed' : m.kind === 'place' ? 'wrong place' : 'missed year';
      out.push(`  ${what}: ${span(m.gold)} ${where(m.gold)} "${m.gold.evidence}"`);
      for (const p of m.near) out.push(`      predicted: ${predLine(p)}`);
    }
    for (const p of s.falseHits) {
      // The most precise notEvents entry whose date the false hit falls in ("2020-11-30 (...)" before "2020 (...)").
      const trap = d.notEvents
        .map((n) => [n, notEventDate(n)] as const)
        .filter(([, nd]) => nd !== null && p.start.startsWith(nd))
        .sort((a, b) => b[1]!.length - a[1]!.length)[0]?.[0];
      out.push(`  false hit: ${predLine(p)}${trap ? `  [gold: not an event: ${trap}]` : ''}`);
    }
  }
  return out.join('\n');
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
const roundMetrics = (m: Metrics) => Object.fromEntries(METRIC_KEYS.map((k) => [k, round(m[k])]));

/** The results file: the table's figures, each document's counts, misses and false hits. No timestamps. */
export function resultsJson(rows: readonly Row[], docs: readonly ScoredDoc[]): string {
  const sets = [...new Set(rows.map((r) => r.set))];
  const value = {
    about: 'npm run eval: the pipeline scored on the development set (eval/dev/<lang>/) and the seeds (eval/seeds/). See eval/README.md.',
    targets: Object.fromEntries(sets.map((s) => [s, roundMetrics(targetsFor(langOfSet(s)))])),
    rows: rows.map((r) => ({
      set: r.set,
      label: r.label,
      show: r.show,
      docs: r.summary.docs,
      dayMonthEvents: r.summary.dmGold,
      yearEvents: r.summary.yearGold,
      ...roundMetrics(r.summary[r.show]),
    })),
    documents: sorted(docs).map((d) => ({
      set: d.set,
      file: d.file,
      kind: d.kind,
      ...(d.failed ? { failed: d.failed } : {}),
      counts: {
        dayMonthEvents: d.score.dmGold,
        foundByDate: d.score.dmFoundDate,
        foundByDateAndPlace: d.score.dmFoundPlace,
        predictionsCounted: d.score.predCounted,
        predictionsMatched: d.score.predMatched,
        yearEvents: d.score.yearGold,
        yearFound: d.score.yearFound,
      },
      metrics: roundMetrics(docMetrics(d.score)),
      misses: d.score.misses.map((m) => ({
        kind: m.kind,
        start: m.gold.start,
        ...(m.gold.end ? { end: m.gold.end } : {}),
        place: m.gold.place,
        evidence: m.gold.evidence,
        near: m.near.map(predLine),
      })),
      falseHits: d.score.falseHits.map(predLine),
    })),
  };
  return JSON.stringify(value, null, 2) + '\n';
}
