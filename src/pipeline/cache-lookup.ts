/**
 * A cached run's look into its cache (pool.ts), in two steps: first which documents the cache holds
 * an entry for and which must be extracted, decided without reading any entry; then the entries read.
 * Why two: the few documents that changed can be extracted (on a worker) while this thread reads the
 * many entries that did not; a one-document change on 1,000 documents waited ~0.2 s for its one
 * extraction after ~0.5 s of reading entries, on a second core that sat idle. An entry that turns out
 * unusable when read (named in the cache's problems) makes its document a late miss, extracted after.
 */
import type { ExtractCache } from './cache.ts';
import { contentHash, entryKey } from './cache.ts';
import type { DocOutcome, PoolInput } from './pool-job.ts';
import { MAX_DOCUMENT_BYTES, readPlanned } from './run.ts';
import type { PlannedSource, RunPlan } from './run-types.ts';
import type { SourceIndex } from './source-index.ts';

/** A document to extract: its place in the plan, the key its outcome is stored under, its input. */
export interface Miss {
  slot: number;
  key: string;
  input: PoolInput;
}

/** A document whose entry the cache has: read in the second step. `input` when its bytes were read already. */
interface Held {
  slot: number;
  key: string;
  source?: PlannedSource;
  known?: string;
  input?: PoolInput;
}

export interface Lookup {
  /** Outcomes decided without extraction: the plan's own (refused, unreadable), then the entries read. */
  outcomes: (DocOutcome | undefined)[];
  held: Held[];
  misses: Miss[];
  /** How many documents' bytes were read. */
  read: number;
}

/** What the two steps use: the cache, the source index (which knows unchanged files), the versions of the keys. */
export interface LookupContext {
  cache: ExtractCache;
  index: SourceIndex | null;
  versions: string;
}

/**
 * A document's bytes read and hashed (recorded in the source index), then its key: held when the cache
 * has an entry under it (unless `unlike` is that hash: its entry was not usable), else a miss.
 */
function readAndKey(
  { cache, index, versions }: LookupContext,
  slot: number,
  planned: RunPlan['files'][number],
  unlike?: string,
): { outcome: DocOutcome } | { held: Held } | { miss: Miss } {
  const readAt = Date.now();
  const f = 'source' in planned ? readPlanned(planned.source) : planned;
  if ('entry' in f) return { outcome: f as DocOutcome };
  const hash = contentHash(f.input.bytes);
  if ('source' in planned) index?.record(planned.source.file, planned.source.stat, hash, readAt);
  const key = entryKey(versions, f.input, hash);
  if (hash !== unlike && cache.has(key)) return { held: { slot, key, input: f.input } };
  return { miss: { slot, key, input: f.input } };
}

/** The first step: every document held or missed, entries not read yet (a document's bytes only when the index does not know them). */
export function lookUp(plan: RunPlan, ctx: LookupContext): Lookup {
  const outcomes: (DocOutcome | undefined)[] = plan.files.map((f) => ('entry' in f ? f : undefined));
  const held: Held[] = [];
  const misses: Miss[] = [];
  let read = 0;
  plan.files.forEach((planned, slot) => {
    if ('entry' in planned) return;
    let known: string | undefined;
    if ('source' in planned) {
      const { source } = planned;
      known = source.stat.size <= MAX_DOCUMENT_BYTES ? ctx.index?.hashOf(source.file, source.stat) : undefined;
      if (known !== undefined) {
        const key = entryKey(ctx.versions, source, known);
        if (ctx.cache.has(key)) return void held.push({ slot, key, source, known });
      }
    }
    const r = readAndKey(ctx, slot, planned, known);
    if ('outcome' in r) return void (outcomes[slot] = r.outcome);
    read++;
    if ('held' in r) held.push(r.held);
    else misses.push(r.miss);
  });
  return { outcomes, held, misses, read };
}

/**
 * The second step: each held entry read into `outcomes`; those that cannot be used are returned, to be
 * extracted (their bytes read now if they were not), with how many documents were read for that.
 */
export function readHeld(look: Lookup, plan: RunPlan, ctx: LookupContext): { late: Miss[]; read: number } {
  const late: Miss[] = [];
  let read = 0;
  for (const h of look.held) {
    const hit = ctx.cache.get(h.key);
    if (hit) {
      look.outcomes[h.slot] = hit;
      continue;
    }
    if (h.input) {
      late.push({ slot: h.slot, key: h.key, input: h.input });
      continue;
    }
    // Known to the index but its entry unusable: read its bytes; another hash than the index's has its own key.
    const r = readAndKey(ctx, h.slot, plan.files[h.slot]!, h.known);
    if ('outcome' in r) {
      look.outcomes[h.slot] = r.outcome;
      continue;
    }
    read++;
    if ('miss' in r) late.push(r.miss);
    else {
      const again = ctx.cache.get(r.held.key);
      if (again) look.outcomes[h.slot] = again;
      else late.push({ slot: h.slot, key: r.held.key, input: r.held.input! });
    }
  }
  return { late, read };
}

/**
 * A run without a cache: every document is a miss, sent unread to the thread that extracts it (pool-job.ts
 * UnreadInput), except a PDF (read here for pdf.js) or one over the size limit (refused when read).
 */
export function unreadLookup(plan: RunPlan): Lookup {
  const outcomes: (DocOutcome | undefined)[] = plan.files.map((f) => ('entry' in f ? f : undefined));
  const misses: Miss[] = [];
  let read = 0;
  plan.files.forEach((planned, slot) => {
    if ('entry' in planned) return;
    if ('source' in planned && !/\.pdf$/i.test(planned.source.file) && planned.source.stat.size <= MAX_DOCUMENT_BYTES) {
      const { file, docId, path, stat, side } = planned.source;
      return void misses.push({ slot, key: '', input: { file, docId, path, size: Number(stat.size), side } });
    }
    const f = 'source' in planned ? readPlanned(planned.source) : planned;
    if ('entry' in f) return void (outcomes[slot] = f as DocOutcome);
    read++;
    misses.push({ slot, key: '', input: f.input });
  });
  return { outcomes, held: [], misses, read };
}
