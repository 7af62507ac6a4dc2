/**
 * Where the data files are parsed and validated: in up to two module workers (the core files on one,
 * statements on the other, so the first screen never waits for the 42 MB statements file), or in this
 * thread when no worker can start — a page opened from file://, an element served from another
 * origin, a policy that forbids it, or Node in the unit tests. The workers run the same code
 * (check.ts) against the same contract schemas; only the thread differs.
 */
import { DATA_FILES } from '../../contract/files';
import type { Event } from '../../contract/schema';
import { checkFile, type Checked, type CoreChecked, type DataFileName } from './check';
import { checkAndOrderCore, orderCore, ordered } from './core';
import { bytesOfSource, type Got, type Source } from './fetch-bytes';

export type CoreBytes = { events: ArrayBuffer | null; places: ArrayBuffer | null; documents: ArrayBuffer | null; topics: ArrayBuffer | null };
/** A core file as the page hands it over: its bytes, or its address for the worker to fetch, or null (unavailable). */
export type CoreSource = Source;
export type CoreSources = { [K in keyof CoreBytes]: CoreSource };

/** `order`: false when this thread orders and indexes the events itself (the worker only checks them). */
type JobBody = { kind: 'core'; bytes: CoreSources; order: boolean } | { kind: 'file'; file: DataFileName; bytes: ArrayBuffer };
export type WorkerJob = JobBody & { id: number };
/** The decoded text of each core file but events.json, as the worker read it (null: none). */
export type CoreTexts = { places: string | null; documents: string | null; topics: string | null };
/**
 * A verdict `{ ok: true }` comes with `data: null`: the valid file comes back with it as text (the
 * worker decoded it once already; decoding 29 MB again here cost ~0.3 s) and is parsed here.
 */
export type WorkerReply =
  | { ready: true }
  /**
   * A copy of the bytes of the events file the worker fetched, sent before it decodes and checks them,
   * with the ids of the places (null: places.geojson is not what it should be), for this thread to
   * decode, parse and order meanwhile. Bytes,
   * not the text: the worker's decoding and its string's copy (0.1-0.7 s at 100,000 events, by load)
   * came before this thread could start, and it waited. Paired A/B at 100,000 events (6 loads each,
   * load ~5): the events in 1238 ms sooner (quartiles -1424 / -719), map idle 298 ms sooner (-815 / -167).
   */
  | { id: number; early: ArrayBuffer; ids: CoreIds | null }
  | { id: number; core: CoreChecked; texts: CoreTexts }
  | { id: number; checked: Checked; text: string }
  | { id: number; failed: string };

/** The places' ids, in places.geojson's order: what the events are ordered and indexed by. */
export type CoreIds = { places: string[] };

/** Lane 0 takes the core files (then the small deferred ones), lane 1 the statements. */
export type Lane = 0 | 1;

export interface Checker {
  /** 'worker' or 'main thread': where the last job ran (for tests and the bench's curiosity). */
  readonly where: () => string;
  /** A file of `size` bytes is on its way (from its Content-Length): start a worker now if it will need one. */
  warm(file: DataFileName, size: number): void;
  /** Whether this checker would rather fetch a core file of `size` bytes itself (given its address in `core`). */
  fetches?(file: DataFileName, size: number): boolean;
  /**
   * Checks the core files. `parseAfter`: this thread parses (or checks) nothing before it settles (the
   * first screen is drawn), while a worker may fetch and check meanwhile on its own thread.
   */
  core(bytes: CoreSources, parseAfter?: Promise<unknown>): Promise<CoreChecked>;
  file(file: DataFileName, bytes: ArrayBuffer, lane: Lane): Promise<Checked>;
  close(): void;
}

/** Parse and validate in this thread. */
export const inThread: Checker = {
  where: () => 'main thread',
  warm() {},
  core: (sources, parseAfter) => checkHere(sources, parseAfter),
  file: (file, bytes) => checkFile(file, bytes),
  close() {},
};

/**
 * The core files checked in this thread, those handed over by address fetched here first: what a lane
 * without a worker does. A file that cannot be fetched gets the problem as its verdict, in the same
 * words the worker would use.
 */
async function checkHere(sources: CoreSources, parseAfter: Promise<unknown> = Promise.resolve()): Promise<CoreChecked> {
  const [e, p, d, t] = await Promise.all([bytesOfSource(sources.events), bytesOfSource(sources.places), bytesOfSource(sources.documents), bytesOfSource(sources.topics)]);
  await parseAfter.catch(() => {});
  const bytes = (g: Got | null) => (g?.ok ? g.bytes : null);
  const core = await checkAndOrderCore({ events: bytes(e), places: bytes(p), documents: bytes(d), topics: bytes(t) });
  const or = <T>(g: Got | null, c: Checked<T> | null): Checked<T> | null => (g && !g.ok ? g : c);
  return { events: or(e, core.events), places: or(p, core.places), documents: or(d, core.documents), topics: or(t, core.topics), index: core.index };
}

/** A worker stopped in the middle of a job: its bytes were transferred, so the caller fetches again. */
export class WorkerLost extends Error {}

/** One worker, started on first need (`start`), so a small corpus never starts one. */
class WorkerLane {
  private worker: Worker | null = null;
  private started: Promise<boolean> | null = null;
  /** Settles once the worker exists (true) or cannot (false), before it has said hello. */
  private created: Promise<boolean> | null = null;
  private readonly waiting = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void; early?: (bytes: ArrayBuffer, ids: CoreIds | null) => void }>();
  private next = 1;

  constructor(private readonly make: () => Worker | Promise<Worker>) {}

  start(): Promise<boolean> {
    let made: (ok: boolean) => void = () => {};
    this.created ??= new Promise<boolean>((r) => (made = r));
    this.started ??= new Promise<boolean>((resolve) => {
      const start = (worker: Worker) => {
        this.worker = worker;
        made(true);
        // A worker that never says hello (it could not load) is not waited for long, nor are the jobs
        // posted to it before its hello.
        const timer = setTimeout(() => {
          resolve(false);
          this.fail('the loading worker did not start');
        }, 10_000);
        worker.onmessage = (e: MessageEvent<WorkerReply>) => {
          const msg = e.data;
          if ('ready' in msg) {
            clearTimeout(timer);
            resolve(true);
            return;
          }
          const w = this.waiting.get(msg.id);
          if ('early' in msg) {
            w?.early?.(msg.early, msg.ids);
            return;
          }
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
        Promise.resolve(this.make()).then(start, () => {
          made(false);
          resolve(false);
        });
      } catch {
        made(false);
        resolve(false);
      }
    });
    return this.started;
  }

  private fail(why: string): void {
    for (const w of this.waiting.values()) w.reject(new WorkerLost(why));
    this.waiting.clear();
    this.close();
  }

  /**
   * Posts the job once the worker is up and resolves then, with the reply still to come; null when this
   * lane has no worker (run it in this thread instead).
   */
  async post(
    job: JobBody,
    transfer: Transferable[],
    early?: (bytes: ArrayBuffer, ids: CoreIds | null) => void,
    eager = false,
  ): Promise<{ reply: Promise<WorkerReply> } | null> {
    // Eager: posted as soon as the worker exists (it reads its messages once it has loaded), not after
    // its hello, which this thread hears only once it is free (after the first screen); a worker that
    // then fails rejects the job (WorkerLost), and the caller reads the files itself.
    const up = this.start();
    if (!(await (eager ? this.created! : up)) || !this.worker) return null;
    const id = this.next++;
    const reply = new Promise<WorkerReply>((resolve, reject) => this.waiting.set(id, { resolve, reject, early }));
    this.worker.postMessage({ ...job, id }, transfer);
    return { reply };
  }

  async run(job: JobBody, transfer: Transferable[]): Promise<WorkerReply | null> {
    const posted = await this.post(job, transfer);
    return posted ? posted.reply : null;
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

/** The events file the page shows: the event layer, or the mentions of an older data folder. */
export const isEvents = (file: DataFileName) => file === DATA_FILES.layer || file === DATA_FILES.events;

function failed(reply: WorkerReply): void {
  if ('failed' in reply) throw new Error(reply.failed);
}

const decoder = new TextDecoder();
/** A valid file (the worker checked exactly these bytes or this text) as data. */
const parse = (file: ArrayBuffer | string | null): unknown => (file === null ? null : JSON.parse(typeof file === 'string' ? file : decoder.decode(file)));
function filled<T>(c: Checked<T> | null, file: string | null): Checked<T> | null {
  return c && c.ok ? { ok: true, data: parse(file) as T } : c;
}

/**
 * Below this many bytes a job runs in this thread: zod checks ~1 MB in well under 100 ms, less than a
 * worker takes to start (the five seed documents never start one).
 */
export const SMALL = 1 << 20;

/**
 * The core files (events, places, documents, topics) are checked in this thread up to this many
 * bytes. With the compiled checks (no zod on a valid file), 10,000 events (3.6 MB) take this thread
 * ~0.15 s to parse, check and index; the worker way costs more in all: the worker's start, a second
 * parse (this thread parses its own copy meanwhile) and the messages, on the same two cores as
 * everything else the page starts with. Paired A/B against the worker way (with the page's other
 * changes of 7 December: no worker started with the page, the HEAD past the cache), 10,000 events, 12
 * interleaved loads each, load 5-8: data in 173 ms sooner, first screen 92 ms sooner (median of the
 * per-load differences; quartiles -157 / +77 ms); 1,000 events unchanged (+17 ms, quartiles -155 / +55).
 * Beyond it (100,000 events: 37 MB) the worker fetches and checks them, and this thread stays free.
 */
export const CORE_IN_THREAD = 8 << 20;

/**
 * From this many events in event-index.json, the page asks for the events file with the first screen
 * rather than after it (mount.ts): it is then large enough for the loading worker (CORE_IN_THREAD, ~22,000
 * events of the bench's ~360 bytes; a real event with its title and links is larger), which fetches
 * and checks it on its own thread, and this thread parses its copy once the first screen is drawn.
 */
export const EARLY_EVENTS = 25_000;

/**
 * Two worker lanes with the in-thread checker as fallback. `make` creates one worker (the default
 * is the bundled load.worker.ts); pass `null` to force the main thread.
 */
export function workerChecker(make: (() => Worker | Promise<Worker>) | null = defaultWorker()): Checker {
  if (!make) return inThread;
  const lanes: [WorkerLane, WorkerLane] = [new WorkerLane(make), new WorkerLane(make)];
  let where = 'main thread';
  return {
    where: () => where,
    warm(file, size) {
      if (size >= (isEvents(file) ? CORE_IN_THREAD : SMALL)) void lanes[file === DATA_FILES.statements ? 1 : 0].start();
    },
    // A large core file is fetched by the worker itself: this thread is busy starting the map while
    // the bytes arrive, and reading them here first delayed the worker. At 100,000 events first idle
    // went from 3.16 to 2.94 s (medians of 7 interleaved page loads each, the same build).
    fetches: (file, size) => isEvents(file) && size >= CORE_IN_THREAD,
    async core(sources, parseAfter = Promise.resolve()) {
      const buffers = [sources.events, sources.places, sources.documents, sources.topics].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
      const remote = [sources.events, sources.places, sources.documents, sources.topics].some((b) => b !== null && !(b instanceof ArrayBuffer));
      if (!remote && buffers.reduce((n, b) => n + b.byteLength, 0) < CORE_IN_THREAD) return checkHere(sources, parseAfter);
      // This thread parses its own copy of the events while the worker checks them (and would otherwise
      // wait): only the reply's verdict and index are needed afterwards. When the worker fetches the
      // events, it sends a copy as soon as they are in.
      let early: (bytes: ArrayBuffer, ids: CoreIds | null) => void = () => {};
      const theirs = new Promise<{ bytes: ArrayBuffer; ids: CoreIds | null }>((r) => (early = (bytes, ids) => r({ bytes, ids })));
      const mine = sources.events instanceof ArrayBuffer ? Promise.resolve({ bytes: sources.events.slice(0), ids: null }) : sources.events ? theirs : Promise.resolve(null);
      // A worker that fetches the events sends this thread a copy with the ids to order them by, and
      // leaves the ordering and indexing to it (see below).
      const fetched = sources.events !== null && !(sources.events instanceof ArrayBuffer);
      const posted = await lanes[0].post({ kind: 'core', bytes: sources, order: !fetched }, buffers, early, true);
      if (!posted) {
        where = 'main thread';
        return checkHere(sources, parseAfter);
      }
      let parsed: unknown = undefined;
      let mineOrdered: ReturnType<typeof ordered> | null = null;
      try {
        // The worker always answers (with the copy first, or a verdict that it could not fetch them).
        const copy = await Promise.race([mine, posted.reply.then(() => null)]);
        await parseAfter.catch(() => {});
        parsed = parse(copy?.bytes ?? null);
        // While the worker checks the contract and what the events mean together, this thread orders
        // and indexes its copy (~0.3 s at 100,000 events, load ~4), which the worker used to do before
        // its verdict while this thread waited. Events with problems are ordered again once they are
        // left out (load.ts).
        if (copy?.ids) mineOrdered = ordered(parsed as Event[], copy.ids.places.map((id) => ({ properties: { id } })));
      } catch {
        // Not JSON, or not events: the worker's verdict says so, with the message people read.
      }
      const reply = await posted.reply;
      where = 'worker';
      failed(reply);
      if (!('core' in reply)) throw new Error('unexpected reply from the loading worker');
      const { core, texts: back } = reply;
      const events = core.events?.ok ? ({ ok: true, data: parsed as Event[] } as Checked<Event[]>) : core.events;
      const out: CoreChecked = {
        events,
        places: filled(core.places, back.places),
        documents: filled(core.documents, back.documents),
        topics: filled(core.topics, back.topics),
        index: core.index,
        meaningClean: core.meaningClean === true && !!events?.ok,
      };
      if (!events?.ok) return out;
      if (mineOrdered) {
        events.data = mineOrdered.sorted;
        out.index = mineOrdered.index;
      } else if (core.index) {
        // The worker sorted its copy; this one is put in the same (time) order.
        const raw = events.data;
        const order = core.index.order;
        const sorted = new Array<(typeof raw)[number]>(raw.length);
        for (let i = 0; i < sorted.length; i++) sorted[i] = raw[order[i]!]!;
        events.data = sorted;
      } else orderCore(out); // left to this thread, which could not do it while it waited
      return out;
    },
    async file(file, bytes, lane) {
      if (bytes.byteLength < SMALL) return checkFile(file, bytes);
      const reply = await lanes[lane].run({ kind: 'file', file, bytes }, [bytes]);
      if (!reply) {
        where = 'main thread';
        return checkFile(file, bytes);
      }
      where = 'worker';
      failed(reply);
      if (!('checked' in reply)) throw new Error('unexpected reply from the loading worker');
      return filled(reply.checked, reply.text)!;
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
  return () => spawnModule().then((m) => m.spawnLoadWorker());
}

let spawning: Promise<typeof import('./spawn')> | null = null;
const spawnModule = () => (spawning ??= import('./spawn'));

/**
 * Loads the (tiny) module that starts a loading worker, without starting one: a page that may need the
 * worker at once (a large corpus, known from event-index.json) then creates it in the same turn as it
 * learns so, not once the first screen has let this thread run the module.
 */
export function preloadWorkerModule(): void {
  if (defaultWorker()) void spawnModule().catch(() => {});
}
