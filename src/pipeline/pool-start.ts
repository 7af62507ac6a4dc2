/**
 * Starting the extraction pool's workers (pool.ts), kept apart from the pipeline so that the command
 * line can start a worker before it loads the pipeline itself (cli.ts): each thread spends ~0.2 s of
 * CPU loading the bundle, and the two loads then run side by side instead of one after the other.
 */
import { Worker } from 'node:worker_threads';

/** The worker's code: beside this module in the CLI's bundle (extract.mjs builds pool-worker.mjs). */
export const WORKER = new URL('./pool-worker.mjs', import.meta.url);
/**
 * Node 20's workers do not take tsx's loader (--import tsx: "Unknown file extension .ts"), so run from
 * the TypeScript sources (tsx, the tests) the CLI extracts in process; the bundle (extract.mjs) pools.
 */
export const POOLED = !import.meta.url.endsWith('.ts');

/**
 * From this many cache entries to read, a cached run extracts its changed documents on a worker while
 * this thread reads the entries (pool.ts, cache-lookup.ts), however little they hold: reading costs
 * ~0.5 ms an entry, a worker's start-up ~0.2 s of CPU on another core. The command line starts that
 * worker before it loads the pipeline when the input folder holds this many files (cli.ts); below
 * that (the seeds) a worker would only take CPU from a run that needs none.
 */
export const OVERLAP_ENTRIES = 200;

/** A worker started ahead (while this thread still loads or reads the folder), loading the pipeline meanwhile. */
export interface EarlyWorker {
  worker: Worker;
  ready: boolean;
  error?: Error;
  exited?: number;
}

/** Watches a worker from its start, so that an early failure is kept for the pool and never left unhandled. */
export function watched(worker: Worker): EarlyWorker {
  const w: EarlyWorker = { worker, ready: false };
  worker.on('message', (m: { ready?: true }) => void (m.ready && (w.ready = true)));
  worker.on('error', (e) => void (w.error = e));
  worker.on('exit', (code) => void (w.exited = code));
  return w;
}

/**
 * A worker started before this thread has loaded the pipeline or read the project's data: it loads its
 * own code and then waits for its data (pool.ts `initWorker`) before it says it is ready.
 */
export const startWorkerEarly = (script: URL = WORKER): EarlyWorker =>
  watched(new Worker(script, { workerData: { deferred: true }, stderr: false }));
