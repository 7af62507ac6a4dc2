/**
 * The CLI's run: the same three steps as `runPipeline` (planRun → extractSource per document → joinRun),
 * with the cache (cache.ts) in front of extraction and the documents the cache does not hold
 * extracted in parallel by a pool of worker threads (pool-worker.ts), one per core. Outcomes are joined
 * in the folder's listing order whatever order the workers finish in, so the outputs are the bytes the
 * sequential run gives (tests/unit/pipeline/cache.test.ts).
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { dataVersion, ExtractCache, pipelineVersion } from './cache.ts';
import { lookUp, readHeld, unreadLookup, type Lookup, type Miss } from './cache-lookup.ts';
import { addedPlaces, type LoadedCorrections } from './corrections.ts';
import { readPdfs } from './formats/index.ts';
import type { GazetteerPlace } from './gazetteer.ts';
import { extractSource, failed, sizeOf, type DocOutcome, type PoolInput } from './pool-job.ts';
import { messagesOf, pack, unpack, type Linking, type Packed } from './pool-pack.ts';
import { DATA_DIR, joinRun, loadData, planRun, readInput, type Outputs, type RunOptions } from './run.ts';
import { readChronologyChecked } from './read-data-file.ts';
import { SourceIndex } from './source-index.ts';
import { dirname, resolve } from 'node:path';
import { readChronology } from './events/read.ts';
import { meetingsFor } from './join-fast.ts';
import { meetingsHash } from './join-part.ts';
import { OVERLAP_ENTRIES, POOLED, watched, WORKER, type EarlyWorker } from './pool-start.ts';

export type { EarlyWorker } from './pool-start.ts';

/**
 * Below this much text to extract, one more worker is not worth its start-up (~0.2 s to load the
 * pipeline and build the gazetteer, measured here): the seeds (92 KB) run in process.
 */
const BYTES_PER_WORKER = 1_000_000;

/**
 * Documents sent ahead to each worker: while it extracts one, the next already waits in its port, so it
 * never sits idle while this thread is busy taking in a result (a large outcome takes a while to copy).
 */
const IN_FLIGHT = 2;

/**
 * What a worker starts from: the places the corrections add, and the project's data files as this thread
 * read and checked them (loadData, once per process), so a worker does not read and check them again;
 * with `linking`, it sends its outcomes packed (pool-pack.ts).
 */
const workerData = (added: GazetteerPlace[], linking?: Linking) => ({ added, data: loadData(), ...(linking ? { linking } : {}) });

/** Starts `n` workers now; `extractInPool` takes them up (and `stopWorkers` ends those it did not). */
export function spawnWorkers(added: GazetteerPlace[], n: number, script: URL = WORKER, linking?: Linking): EarlyWorker[] {
  return Array.from({ length: Math.max(0, n) }, () =>
    watched(new Worker(script, { workerData: workerData(added, linking), stderr: false })),
  );
}
/** Gives a worker started before the pipeline was loaded (pool-start.ts `startWorkerEarly`) what `spawnWorkers` gives at the start. */
export const initWorker = (w: EarlyWorker, added: GazetteerPlace[], linking?: Linking) =>
  w.worker.postMessage({ init: workerData(added, linking) });
export const stopWorkers = (early: EarlyWorker[]) => early.splice(0).forEach((w) => void w.worker.terminate());

export interface PoolOptions {
  /** The worker's script (a test gives one that dies on purpose). */
  script?: URL;
  /** Workers already started (spawnWorkers), used first. */
  early?: EarlyWorker[];
  /**
   * Extraction on this thread too, between the workers' messages: the smallest documents, one at a
   * time, while the workers take the largest. On two cores one worker and this thread do the work of
   * two workers without the second's start-up and without copying half the outcomes across threads.
   */
  local?: (input: PoolInput) => DocOutcome;
  /** Outcomes packed where they are extracted, their parts linked against these meetings (pool-pack.ts). */
  linking?: Linking;
  /** Called for each document sent unread (pool-job.ts UnreadInput) that a worker could not read. */
  onUnread?: (i: number) => void;
  /**
   * Documents are posted to each worker at once rather than when it says it is ready (its port keeps
   * them until then): for a caller that goes on with other work on this thread meanwhile, during which
   * it would not hear that the worker is ready.
   */
  eager?: boolean;
}

/**
 * Extracts `inputs` on `workers` worker threads (and this one, with `local`); `onDone(i)` as each
 * finishes. A worker that dies (out of memory, a crash in a library) fails the document it was
 * extracting, by name, and is replaced; the document sent ahead to it goes back to the queue; the
 * others go on.
 */
export function extractInPool(
  inputs: readonly PoolInput[],
  added: GazetteerPlace[],
  workers: number,
  onDone?: (i: number) => void,
  { script = WORKER, early = [], local, linking, onUnread, eager = false }: PoolOptions = {},
): Promise<DocOutcome[]> {
  const results: DocOutcome[] = new Array(inputs.length);
  // Largest first, so one large document does not start last and keep every other worker waiting.
  const queue = inputs.map((_, i) => i).sort((a, b) => sizeOf(inputs[b]!) - sizeOf(inputs[a]!) || a - b);
  let left = inputs.length;
  let settled = false;
  return new Promise((resolve, reject) => {
    if (left === 0) return resolve(results);
    const fail = (e: Error) => {
      settled = true;
      reject(e);
    };
    const finish = (i: number, o: DocOutcome) => {
      if (results[i] !== undefined) return; // decided already (never twice)
      results[i] = o;
      onDone?.(i);
      if (--left === 0) {
        settled = true;
        resolve(results);
      }
    };
    const start = () => {
      const ahead = early.shift();
      const w = ahead?.worker ?? new Worker(script, { workerData: workerData(added, linking), stderr: false });
      /** What this worker was sent, in order: the first is the one it is extracting. */
      const held: number[] = [];
      let ready = false;
      let gone = false;
      const send = () => {
        while (held.length < IN_FLIGHT && queue.length > 0) {
          const i = queue.shift()!;
          held.push(i);
          w.postMessage({ id: i, input: inputs[i] });
        }
        if (held.length === 0) {
          gone = true;
          void w.terminate();
        }
      };
      /** The worker is gone: the document it was on fails, the ones sent ahead wait for another worker. */
      const lost = (why: string) => {
        if (gone) return;
        gone = true;
        const [current, ...ahead] = held.splice(0);
        queue.unshift(...ahead);
        if (current !== undefined) finish(current, failed(inputs[current]!, why));
        if (queue.length > 0) start();
      };
      const onMessage = (m: { ready?: true; id: number; outcome?: DocOutcome; packed?: Packed; unread?: true }) => {
        if (m.ready) {
          ready = true;
          return send();
        }
        // Node delivers what a worker posted before it stopped ahead of its 'exit', so a result is never late.
        const at = held.indexOf(m.id);
        if (at >= 0) held.splice(at, 1);
        if (m.unread) onUnread?.(m.id);
        finish(m.id, m.packed ? unpack(m.packed) : m.outcome!);
        send();
      };
      const onError = (e: Error) => {
        // A worker that cannot even start (its code cannot be loaded) would fail again at every respawn:
        // the caller extracts in process instead.
        if (!ready) {
          gone = true;
          return fail(e);
        }
        lost(`the worker stopped: ${e.message}`);
      };
      const onExit = (code: number) => {
        if (ready) return lost(`the worker exited with code ${code}`);
        if (!gone) fail(new Error(`a worker exited with code ${code} before it was ready`));
        gone = true;
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      // A worker started ahead may have got ready (or stopped) before these listeners were there.
      if (ahead?.error) onError(ahead.error);
      else if (ahead?.exited !== undefined) onExit(ahead.exited);
      else if (ahead?.ready) onMessage({ ready: true, id: -1, outcome: undefined as never });
      else if (eager) send();
    };
    for (let k = 0; k < Math.min(workers, inputs.length); k++) start();
    if (local) {
      const step = () => {
        if (settled) return;
        const i = queue.pop(); // the smallest left: this thread answers the workers between documents
        if (i === undefined) return;
        let o: DocOutcome;
        try {
          o = local(inputs[i]!);
        } catch (e) {
          o = failed(inputs[i]!, (e as Error).message);
        }
        finish(i, o);
        setImmediate(step);
      };
      setImmediate(step);
    }
  });
}

export interface FastRunOptions extends RunOptions {
  /** The cache folder; null for none. */
  cacheDir: string | null;
  /** Threads extracting (this one and workers); default: one per core, fewer for little text, only this one for one. */
  workers?: number;
  /** Called once per cache entry that could not be used or written (the CLI shows them with --verbose). */
  onCacheProblem?: (message: string) => void;
  /**
   * Workers started before the pipeline was loaded (cli.ts, pool-start.ts `startWorkerEarly`): given
   * their data once the folder is listed, if the run wants them; stopped if not.
   */
  early?: EarlyWorker[];
}

export interface FastRunStats {
  documents: number;
  cached: number;
  extracted: number;
  workers: number;
  /** Documents whose bytes were read (with a cache, the others were known unchanged: source-index.ts). */
  read: number;
}

/** runPipeline for the CLI: the cache first, then the pool for the rest; the same outputs, byte for byte. */
export async function runPipelineFast(inDir: string, options: FastRunOptions): Promise<{ outputs: Outputs; stats: FastRunStats }> {
  // With a cache, the data files' checks are remembered beside it (read-data-file.ts), keyed like its entries.
  const checks = options.cacheDir ? { dir: options.cacheDir, version: pipelineVersion(dirname(DATA_DIR)) } : undefined;
  const cache = options.cacheDir ? new ExtractCache(options.cacheDir, checks) : null;
  const cores = options.workers ?? availableParallelism();
  /** Threads worth running for this much text: one per core, fewer for little text (--jobs N: N). */
  const threadsFor = (bytes: number, docs: number) =>
    Math.max(1, Math.min(cores, docs, options.workers ? Infinity : Math.ceil(bytes / BYTES_PER_WORKER)));
  // Without a cache every document is extracted: the workers start loading the pipeline while this
  // thread reads the folder (their start-up was a tenth of a full run's wall time, paid before any work).
  const early: EarlyWorker[] = [];
  // Without corrections the join is the fast one (join-fast.ts), and outcomes are packed for it where
  // they are extracted (pool-pack.ts); with them the records are joined as objects (run.ts).
  let linking: Linking | undefined;
  const linkingFor = (corrections: LoadedCorrections) => {
    if (corrections.entries.length > 0) return undefined;
    if (!linking && cache) linking = cache.meetings();
    if (!linking) {
      const meetings = meetingsFor(readChronology(DATA_DIR));
      linking = { meetings, hash: meetingsHash(meetings) };
    }
    return linking;
  };
  const ahead = options.early?.splice(0) ?? [];
  const onListed = (corrections: LoadedCorrections, paths: string[]) => {
    if (cache || !POOLED || cores < 2) return;
    const bytes = paths.reduce((n, p) => n + (statSync(p, { throwIfNoEntry: false })?.size ?? 0), 0);
    const wanted = threadsFor(bytes, paths.length) - 1;
    const added = addedPlaces(corrections);
    for (const w of ahead.splice(0, wanted)) {
      initWorker(w, added, linkingFor(corrections));
      early.push(w);
    }
    early.push(...spawnWorkers(added, wanted - early.length, WORKER, linkingFor(corrections)));
  };
  // With a cache, the documents' bytes are read only when the source index does not know them (or the
  // cache lacks their outcome); without one, by the thread that extracts them (pool-job.ts UnreadInput).
  let plan: ReturnType<typeof planRun>;
  try {
    plan = planRun(inDir, { ...options, defer: true, onListed, checks });
  } catch (e) {
    stopWorkers(ahead); // the folder could not be read
    throw e;
  }
  // Started before loading but not wanted; with a cache, kept until it is known whether any document must be extracted.
  if (!cache) stopWorkers(ahead);
  const added = addedPlaces(plan.corrections);
  const index = options.cacheDir ? new SourceIndex(options.cacheDir, resolve(inDir)) : null;
  const versions = checks ? `${checks.version} ${dataVersion(DATA_DIR, added)}` : '';
  const look: Lookup = cache ? lookUp(plan, { cache, index, versions }) : unreadLookup(plan);
  const { outcomes } = look;
  const ctx = { gaz: plan.gaz, topics: plan.topics };
  /** Documents sent unread that could not be read (the others count as read). */
  const unread = new Set<PoolInput>();
  let used = 1;
  /** Extracts `misses` into `outcomes` (and the cache); `overlap`: this thread has entries to read meanwhile. */
  const extract = async (misses: Miss[], overlap: boolean): Promise<void> => {
    if (misses.length === 0) return;
    linkingFor(plan.corrections);
    // PDFs are read (pdf.js, asynchronous, one at a time) only when their outcome is not cached.
    const pdfNames = misses.filter((m) => /\.pdf$/i.test(m.input.file)).map((m) => m.input.file);
    if (pdfNames.length) {
      const pdfs = await readPdfs(inDir, new Set(pdfNames));
      for (const m of misses) if ('bytes' in m.input) m.input.pdf = pdfs.get(m.input.file);
    }
    let threads = threadsFor(
      misses.reduce((n, m) => n + sizeOf(m.input), 0),
      misses.length,
    );
    // A worker for even one small document when this thread has many entries to read meanwhile.
    if (overlap && !options.workers) threads = Math.max(threads, Math.min(cores, 2));
    let done = 0;
    const onDone = (i: number) => options.onFile?.(done++, misses.length, misses[i]!.input.file);
    const onUnread = (i: number) => void unread.add(misses[i]!.input);
    /** One document extracted on this thread, packed as a worker's are (its objects are garbage at once). */
    const here = (job: PoolInput): DocOutcome => {
      const loaded = 'path' in job ? readInput(job) : { input: job };
      if ('entry' in loaded) {
        unread.add(job);
        return { entry: loaded.entry };
      }
      const o = extractSource(loaded.input, ctx);
      if (!linking || !o.ok) return o;
      try {
        return unpack(pack(o, linking));
      } catch {
        return o; // as a worker does: left to the join, which names what is wrong
      }
    };
    const inProcess = () =>
      misses.map((m, i) => {
        const o = here(m.input);
        onDone(i);
        return o;
      });
    let fresh: DocOutcome[];
    if (threads > 1 && POOLED) {
      for (const w of ahead.splice(0, threads - 1)) {
        initWorker(w, added, linking);
        early.push(w);
      }
      const pooled = extractInPool(
        misses.map((m) => m.input),
        added,
        threads - 1, // this thread is one of them
        onDone,
        { early, local: here, linking, onUnread, eager: overlap },
      );
      // The entries are read while the workers extract (cache-lookup.ts); this thread joins in after.
      if (overlap && cache) late = readHeld(look, plan, { cache, index, versions });
      try {
        fresh = await pooled;
        used = Math.max(used, threads);
      } catch {
        done = 0;
        fresh = inProcess();
      }
    } else fresh = inProcess();
    stopWorkers(early); // started ahead but not needed
    misses.forEach((m, i) => {
      outcomes[m.slot] = fresh[i]!;
      // A document that failed for a reason outside its bytes (a worker that died) is not kept.
      if (cache && !messagesOf(fresh[i]!).some((x) => x.includes('the worker '))) cache.set(m.key, fresh[i]!);
    });
  };
  /** Entries that could not be used once read: extracted after the others. */
  let late: { late: Miss[]; read: number } | undefined;
  await extract(look.misses, cache !== null && look.held.length >= OVERLAP_ENTRIES);
  late ??= cache ? readHeld(look, plan, { cache, index, versions }) : { late: [], read: 0 };
  await extract(late.late, false);
  stopWorkers(ahead);
  if (cache) {
    cache.prune();
    index?.save();
    for (const p of [...(index?.problems ?? []), ...cache.problems]) options.onCacheProblem?.(p);
  }
  const misses = [...look.misses, ...late.late];
  const read = look.read + late.read + misses.filter((m) => 'path' in m.input && !unread.has(m.input)).length;
  const outputs = joinRun(plan, outcomes as DocOutcome[], readChronologyChecked(DATA_DIR, checks));
  return {
    outputs,
    stats: {
      documents: misses.length - unread.size + (cache?.hits ?? 0),
      cached: cache?.hits ?? 0,
      extracted: misses.length - unread.size,
      workers: used,
      read,
    },
  };
}
