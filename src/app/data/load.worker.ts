/**
 * The loading worker: decoding, JSON.parse and contract validation (the compiled quick check, then
 * zod, loaded only then and jitless as on the page, when it says no) of the data files, off the main thread, plus the event
 * index and summit path for the core files. Large core files it fetches itself from the address the
 * page hands over; other files the page fetches (so its own fetch, e.g. the single file's inlined
 * data, still answers) and transfers here.
 *
 *   in:  { id, kind: 'core', bytes: { events, places, documents, topics }, order }  → { id, core: verdicts + index, texts }
 *        (no index when `order` is false: the page orders the events it parsed itself)
 *        (each file as bytes, or as { url } to fetch here; a fetched events.json is first sent back
 *        as a copy of its bytes with the place ids, { id, early, ids }, so the page can
 *        parse and order it while this worker checks it against the contract and what it means)
 *   in:  { id, kind: 'file', file, bytes }                                    → { id, checked: verdict, text }
 *   out at start: { ready: true }
 */
import { checkCore, checkCoreMeaning, checkFile, type Checked, type CoreChecked } from './check';
import { checkAndOrderCore, slimTimeSeries } from './core';
import { DATA_FILES } from '../../contract/files';
import type { TimeSeries } from '../../contract/schema';
import { transferables } from './event-index';
import { bytesOfSource } from './fetch-bytes';
import type { CoreIds, CoreSource, CoreTexts, WorkerReply, WorkerJob } from './pool';

const post = (msg: WorkerReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);

/**
 * The verdicts and the index go back, and so does each file's text: the page parses valid files
 * itself, because V8 rebuilds objects from JSON text ~2x faster than from a structured clone (100,000
 * events: JSON.parse ~300 ms, structured-clone deserialisation ~500-700 ms), and a string crosses
 * threads as one copy, where decoding the bytes again on the page cost ~0.3 s for 29 MB. The events
 * this worker fetched are the exception: their bytes go to the page before this worker decodes them
 * (`early`), because with the first screen drawn first the page's thread is the one that waits.
 */
const verdict = (c: Checked | null): Checked | null => (c === null || !c.ok ? c : { ok: true, data: null });

/**
 * A core file's text: decoded from the bytes handed over, or fetched here from its address; a file
 * that cannot be fetched gets its verdict (the same words the page would use) instead.
 */
async function resolve(s: CoreSource): Promise<{ text: string | null; problem: Checked | null }> {
  const got = await bytesOfSource(s);
  return got?.ok ? { text: decoder.decode(got.bytes), problem: null } : { text: null, problem: got };
}

const decoder = new TextDecoder();

/** The place ids of a places.geojson not yet checked (null when it is not what it should be). */
function idsOf(places: string | null): CoreIds | null {
  try {
    const p = JSON.parse(places!) as { features: { properties: { id: string } }[] };
    return { places: p.features.map((f) => f.properties.id) };
  } catch {
    return null;
  }
}

self.onmessage = async (e: MessageEvent<WorkerJob>) => {
  const job = e.data;
  try {
    if (job.kind === 'core') {
      const src = job.bytes;
      const [got, places, documents, topics] = await Promise.all([bytesOfSource(src.events), resolve(src.places), resolve(src.documents), resolve(src.topics)]);
      // The page decodes and parses its own copy of the events while this worker checks them (when the
      // page fetched them itself, it kept a copy of the bytes), and orders them by the place ids. The
      // bytes go before this worker decodes them (see `early` in pool.ts).
      if (got?.ok && !(src.events instanceof ArrayBuffer)) {
        const copy = got.bytes.slice(0);
        post({ id: job.id, early: copy, ids: idsOf(places.text) }, [copy]);
      }
      const events = got?.ok ? { text: decoder.decode(got.bytes), problem: null } : { text: null, problem: got };
      const text = { events: events.text, places: places.text, documents: documents.text, topics: topics.text };
      const core = job.order ? await checkAndOrderCore(text) : await checkCore(text);
      const slim: CoreChecked = {
        events: events.problem ?? verdict(core.events),
        places: places.problem ?? verdict(core.places),
        documents: documents.problem ?? verdict(core.documents),
        topics: topics.problem ?? verdict(core.topics),
        index: core.index,
        // What the events mean together (~0.25 s at 100,000 events), asked here rather than on the
        // page's thread, which draws the map meanwhile (paired A/B, 100,000 events, 6 loads each, load
        // ~2.5: map idle 309 ms sooner, quartiles -493 / +81). With problems the page asks again and
        // leaves the broken records out (load.ts).
        meaningClean: checkCoreMeaning(core).length === 0,
      } as CoreChecked;
      const texts: CoreTexts = { places: places.text, documents: documents.text, topics: topics.text };
      post({ id: job.id, core: slim, texts }, core.index ? transferables(core.index) : []);
    } else {
      const text = decoder.decode(job.bytes);
      const c = await checkFile(job.file, text);
      // The time series goes back as the part the page reads (core.ts slimTimeSeries), not 5 MB of rows.
      const out = job.file === DATA_FILES.timeseries && c.ok ? JSON.stringify(slimTimeSeries(c.data as TimeSeries)) : text;
      post({ id: job.id, checked: verdict(c)!, text: out });
    }
  } catch (err) {
    post({ id: job.id, failed: err instanceof Error ? err.message : String(err) });
  }
};
post({ ready: true });
