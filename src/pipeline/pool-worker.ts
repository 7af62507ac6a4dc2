/**
 * A worker of the extraction pool (pool.ts): builds the gazetteer and topic lists once, then runs the
 * same pure `extractSource` as the sequential run on each document it is sent. An exception inside one
 * document fails that document only (extractSource already catches the extraction's own).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Gazetteer, type GazetteerPlace } from './gazetteer.ts';
import { extractSource, failed, type DocOutcome, type PoolInput } from './pool-job.ts';
import { pack, type Linking } from './pool-pack.ts';
import { loadData, readInput } from './run.ts';
import { TopicMatcher } from './topics.ts';

/** `linking`: outcomes are sent packed (pool-pack.ts), their parts linked against these meetings. */
interface Given {
  added: GazetteerPlace[];
  data?: ReturnType<typeof loadData>;
  linking?: Linking;
}

/** Builds the gazetteer and topics, then extracts each document it is sent. */
function serve(given: Given): void {
  // The data files as the main thread read and checked them (pool.ts), else read here.
  const data = given.data ?? loadData();
  const ctx = { gaz: new Gazetteer(data.gazetteer, given.added), topics: new TopicMatcher(data.topics) };
  parentPort!.on('message', ({ id, input: job }: { id: number; input: PoolInput }) => {
    // A document sent unread is read here, in parallel with the other threads (pool-job.ts UnreadInput).
    const loaded = 'path' in job ? readInput(job) : { input: job };
    if ('entry' in loaded) return parentPort!.postMessage({ id, outcome: { entry: loaded.entry }, unread: true });
    const { input } = loaded;
    let outcome: DocOutcome;
    try {
      outcome = extractSource(input, ctx);
    } catch (e) {
      outcome = failed(input, (e as Error).message);
    }
    if (given.linking && outcome.ok) {
      try {
        return parentPort!.postMessage({ id, packed: pack(outcome, given.linking) });
      } catch {
        /* sent as it is: the main thread joins it the slow way */
      }
    }
    parentPort!.postMessage({ id, outcome });
  });
  parentPort!.postMessage({ ready: true });
}

// Started before the main thread loaded the pipeline (pool-start.ts startWorkerEarly): its data comes
// in the first message, once the main thread has read the folder; else it came with the worker.
const started = workerData as Given | { deferred: true };
if ('deferred' in started) parentPort!.once('message', (m: { init: Given }) => serve(m.init));
else serve(started);
