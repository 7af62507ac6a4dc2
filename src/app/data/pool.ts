/**
 * Where the data files are parsed and validated: in up to two module workers (the core files on one,
 * statements on the other, so the first screen never waits for the 42 MB statements file), or in this
 * thread when no worker can start — a page opened from file://, an element served from another
 * origin, a policy that forbids it, or Node in the unit tests. The workers run the same code
 * (check.ts) against the same contract schemas; only the thread differs.
 */
import { checkCore, checkFile, type Checked, type CoreChecked, type DataFileName } from './check';

export type CoreBytes = { events: ArrayBuffer | null; places: ArrayBuffer | null; documents: ArrayBuffer | null; topics: ArrayBuffer | null };

type JobBody = { kind: 'core'; bytes: CoreBytes } | { kind: 'file'; file: DataFileName; bytes: ArrayBuffer };
export type WorkerJob = JobBody & { id: number };
export type WorkerReply = { ready: true } | { id: number; core: CoreChecked } | { id: number; checked: Checked } | { id: number; failed: string };

/** Lane 0 takes the core files (then the small deferred ones), lane 1 the statements. */
export type Lane = 0 | 1;

export interface Checker {
  /** 'worker' or 'main thread': where the last job ran (for tests and the bench's curiosity). */
  readonly where: () => string;
  core(bytes: CoreBytes): Promise<CoreChecked>;
  file(file: DataFileName, bytes: ArrayBuffer, lane: Lane): Promise<Checked>;
  close(): void;
}

/** Parse and validate in this thread. */
export const inThread: Checker = {
  where: () => 'main thread',
  core: async (bytes) => checkCore(bytes),
  file: async (file, bytes) => checkFile(file, bytes),
  close() {},
};

/** A worker stopped in the middle of a job: its bytes were transferred, so the caller fetches again. */
export class WorkerLost extends Error {}

class WorkerLane {
  private worker: Worker | null = null;
  private readonly started: Promise<boolean>;
  private readonly waiting = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();
  private next = 1;

  constructor(make: () => Worker | Promise<Worker>) {
    this.started = new Promise<boolean>((resolve) => {
      const start = (worker: Worker) => {
        this.worker = worker;
        // A worker that never says hello (it could not load) is not waited for long.
        const timer = setTimeout(() => resolve(false), 10_000);
        worker.onmessage = (e: MessageEvent<WorkerReply>) => {
          const msg = e.data;
          if ('ready' in msg) {
            clearTimeout(timer);
            resolve(true);
            return;
          }
          const w = this.waiting.get(msg.id);
          this.waiting.delete(msg.id);
          w?.resolve(msg);
        };
        worker.onerror = (e) => {
          e.preventDefault();
          clearTimeout(timer);
          resolve(false);
          this.fail(`the loading worker stopped (${e.message || 'could not start'})`);
        };
        worker.onmessageerror = () => this.fail('a message from the loading worker could not be read');
      };
      // A SecurityError (a script on another origin), no Worker at all, or its module not loading.
      try {
        Promise.resolve(make()).then(start, () => resolve(false));
      } catch {
        resolve(false);
      }
    });
  }

  private fail(why: string): void {
    for (const w of this.waiting.values()) w.reject(new WorkerLost(why));
    this.waiting.clear();
    this.close();
  }

  /** The reply, or null when this lane has no worker (run it in this thread instead). */
  async run(job: JobBody, transfer: Transferable[]): Promise<WorkerReply | null> {
    if (!(await this.started) || !this.worker) return null;
    const id = this.next++;
    const reply = new Promise<WorkerReply>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.worker.postMessage({ ...job, id }, transfer);
    return reply;
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

function unwrap<T>(reply: WorkerReply, pick: (r: WorkerReply) => T | undefined): T {
  if ('failed' in reply) throw new Error(reply.failed);
  const v = pick(reply);
  if (v === undefined) throw new Error('unexpected reply from the loading worker');
  return v;
}

/**
 * Two worker lanes with the in-thread checker as fallback. `make` creates one worker (the default
 * is the bundled load.worker.ts); pass `null` to force the main thread.
 */
export function workerChecker(make: (() => Worker | Promise<Worker>) | null = defaultWorker()): Checker {
  if (!make) return inThread;
  const lanes: [WorkerLane, WorkerLane] = [new WorkerLane(make), new WorkerLane(make)];
  let where = 'worker';
  return {
    where: () => where,
    async core(bytes) {
      const transfer = [bytes.events, bytes.places, bytes.documents, bytes.topics].filter((b): b is ArrayBuffer => b !== null);
      const reply = await lanes[0].run({ kind: 'core', bytes }, transfer);
      if (!reply) {
        where = 'main thread';
        return checkCore(bytes);
      }
      return unwrap(reply, (r) => ('core' in r ? r.core : undefined));
    },
    async file(file, bytes, lane) {
      const reply = await lanes[lane].run({ kind: 'file', file, bytes }, [bytes]);
      if (!reply) {
        where = 'main thread';
        return checkFile(file, bytes);
      }
      return unwrap(reply, (r) => ('checked' in r ? r.checked : undefined));
    },
    close() {
      lanes.forEach((l) => l.close());
    },
  };
}

function defaultWorker(): (() => Promise<Worker>) | null {
  // The single offline file carries its data inside itself and runs from file://, where a module
  // worker cannot load: it parses in this thread (its corpus is small), and ships no worker.
  if (import.meta.env.MODE === 'single' || typeof Worker === 'undefined') return null;
  return () => import('./spawn').then((m) => m.spawnLoadWorker());
}
