/**
 * The documents worker: the user's files are read and extracted here, by the same pipeline stages as
 * the CLI (extract.ts, corpus.ts), and joined with the bundled corpus; the page only shows the result.
 * The gazetteer and topics (data/, bundled with this worker as separate chunks) and the data folder's
 * files load once, when the first document comes, never with the first screen.
 *
 *   in:  { type: 'add', base, docs: [{ id, name, bytes, title? }] }  → per document { type: 'stage', id, stage }
 *        and { type: 'doc', id, found, messages, ok, text? }, then { type: 'joined', corpus } (or { type: 'failed', message })
 *   in:  { type: 'remove', base, ids }                                  → { type: 'joined', corpus }
 */
import '../zod-setup'; // first: before any schema is created
import { Gazetteer, type GazetteerFile } from '../../pipeline/gazetteer';
import { TopicMatcher, type TopicsFile } from '../../pipeline/topics';
import type { Context } from '../../pipeline/document';
import { bundledReader } from './bundled';
import { joinCorpus, type AddedDocument } from './corpus';
import { extractSheet, extractText, type Extracted } from './extract';
import { readFile } from './read-file';
import type { FromWorker, ToWorker } from './protocol';

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

let ctx: Promise<Context> | null = null;
/** The pipeline's data, once: the gazetteer (~0.5 MB) and the topic words, bundled apart from the page. */
const context = () =>
  (ctx ??= Promise.all([import('../../../data/gazetteer.json'), import('../../../data/topics.json')]).then(([g, t]) => ({
    gaz: new Gazetteer(g.default as unknown as GazetteerFile),
    topics: new TopicMatcher(t.default as unknown as TopicsFile),
  })));

/** The data folder's own records (the mentions, not only the layer the page shows). */
const corpus = bundledReader();

/** The added documents extracted so far, by id, in the order they were added. */
const added = new Map<string, AddedDocument>();

async function extractOne(doc: { id: string; name: string; bytes: ArrayBuffer; title?: string }, c: Context): Promise<Extracted> {
  post({ type: 'stage', id: doc.id, stage: 'reading' });
  const read = await readFile(doc.name, new Uint8Array(doc.bytes));
  if (read.kind === 'failed') return { found: { events: 0, places: 0, statements: 0 }, messages: [read.message], added: null };
  post({ type: 'stage', id: doc.id, stage: 'finding' });
  const x =
    read.kind === 'sheet'
      ? extractSheet(doc.id, doc.name, read.rows, doc.bytes.byteLength, c)
      : extractText(doc.id, doc.name, read.text, doc.bytes.byteLength, c, doc.title);
  return { ...x, messages: [...read.messages.filter((m) => !/: read as /.test(m)), ...x.messages] };
}

async function join(base: string): Promise<void> {
  const [c, b] = await Promise.all([context(), corpus(base)]);
  post({ type: 'joined', corpus: joinCorpus(b, [...added.values()], (id) => c.gaz.byId.get(id)) });
}

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const job = e.data;
  // pdf.js's parser listens on this worker's port too (read-file.ts): messages not ours are its own.
  if (job?.type !== 'add' && job?.type !== 'remove') return;
  try {
    if (job.type === 'add') {
      // Started together: the data folder's files come while the gazetteer is built.
      const b = corpus(job.base);
      const c = await context();
      for (const doc of job.docs) {
        let x: Extracted;
        try {
          x = await extractOne(doc, c);
        } catch (err) {
          x = {
            found: { events: 0, places: 0, statements: 0 },
            messages: [`${doc.name}: could not be read (${(err as Error).message})`],
            added: null,
          };
        }
        if (x.added) added.set(doc.id, x.added);
        else added.delete(doc.id);
        post({
          type: 'doc',
          id: doc.id,
          found: x.found,
          messages: x.messages,
          ok: !!x.added,
          ...(x.added ? { added: x.added } : {}),
        });
      }
      post({ type: 'stage', id: '', stage: 'joining' });
      await b;
    } else {
      for (const id of job.ids) added.delete(id);
    }
    await join(job.base);
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message || String(err) });
  }
};
